/** The two tracks of the model concept: a round is for municipalities or for regions. */
export const RoundTrack = {
  /** Modellkommuner */
  Kommuner: 'kommuner',
  /** Modellregioner */
  Regioner: 'regioner',
} as const
export type RoundTrack = (typeof RoundTrack)[keyof typeof RoundTrack]
export const roundTracks = Object.values(RoundTrack)
