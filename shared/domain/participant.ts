/** The function a participant has in their organisation's delegation of three. */
export const ParticipantFunction = {
  Politiker: 'politiker',
  HogChef: 'hog_chef',
  Nyckelperson: 'nyckelperson',
  Annan: 'annan',
} as const
export type ParticipantFunction = (typeof ParticipantFunction)[keyof typeof ParticipantFunction]
export const participantFunctions = Object.values(ParticipantFunction)
