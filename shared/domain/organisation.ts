/** Kinds of organisation that take part in the model concept. */
export const OrganisationKind = {
  Kommun: 'kommun',
  Region: 'region',
  Kommunforbund: 'kommunforbund',
  Stadsdel: 'stadsdel',
  Forvaltning: 'forvaltning',
} as const
export type OrganisationKind = (typeof OrganisationKind)[keyof typeof OrganisationKind]

/** How an organisation takes part in a benchmarking group. */
export const GroupMemberRole = {
  /** A benchmarkingkommun/-region: answers the questions, scores the checklist. */
  Benchmarking: 'benchmarking',
  /** The mentorkommun that facilitates the group. */
  Mentor: 'mentor',
  /** A second, supporting mentor ("Kristianstad med stöd av Malmö"). */
  SupportingMentor: 'supporting_mentor',
} as const
export type GroupMemberRole = (typeof GroupMemberRole)[keyof typeof GroupMemberRole]
