/**
 * The kinds of meeting (träff) in a round. The default plan is uppstart → bm1 → bm2 → bm3 →
 * resultatkonferens; plans are data, so a cohort may add extra meetings (kind `extra`).
 */
export const MeetingKind = {
  Uppstart: 'uppstart',
  LedningOchStyrning: 'bm1',
  Uppfoljning: 'bm2',
  Forbattringsarbete: 'bm3',
  Resultatkonferens: 'resultatkonferens',
  Extra: 'extra',
} as const
export type MeetingKind = (typeof MeetingKind)[keyof typeof MeetingKind]
export const meetingKinds = Object.values(MeetingKind)

/** The default meeting plan since 2019. */
export const defaultMeetingPlan: readonly MeetingKind[] = [
  MeetingKind.Uppstart,
  MeetingKind.LedningOchStyrning,
  MeetingKind.Uppfoljning,
  MeetingKind.Forbattringsarbete,
  MeetingKind.Resultatkonferens,
]

export const isMeetingKind = (value: unknown): value is MeetingKind =>
  typeof value === 'string' && (meetingKinds as readonly string[]).includes(value)
