import type { Localized } from './locale.ts'
import type { MeetingKind } from './meeting-kind.ts'
import type { GroupMemberRole, OrganisationKind } from './organisation.ts'
import type { ParticipantFunction } from './participant.ts'
import type { RoundTrack } from './round-track.ts'
import type { Role } from '../roles.ts'

/**
 * The one name of each role, in the UI (i18n's role.* keys are these), the CLI and the
 * README: processledare, deltagare, åhörare.
 */
export const roleLabels: Record<Role, Localized> = {
  facilitator: { sv: 'processledare', en: 'facilitator' },
  participant: { sv: 'deltagare', en: 'participant' },
  viewer: { sv: 'åhörare', en: 'viewer' },
}

/**
 * The round lead (SKR's project leader, over one round or all): one name everywhere, as
 * the roles have. Not a group role: a round lead who enters a group is its processledare.
 */
export const roundLeadLabel: Localized = { sv: 'omgångsledare', en: 'round lead' }

export const roundTrackLabels: Record<RoundTrack, Localized> = {
  kommuner: { sv: 'Modellkommuner', en: 'Model municipalities' },
  regioner: { sv: 'Modellregioner', en: 'Model regions' },
}

export const meetingKindLabels: Record<MeetingKind, Localized> = {
  uppstart: { sv: 'Uppstartskonferens', en: 'Start-up conference' },
  bm1: { sv: 'BM1 – Ledning och styrning', en: 'BM1 – Governance and management' },
  bm2: {
    sv: 'BM2 – Följa upp och analysera resultat',
    en: 'BM2 – Following up and analysing results',
  },
  bm3: { sv: 'BM3 – Systematiskt förbättringsarbete', en: 'BM3 – Systematic improvement' },
  resultatkonferens: { sv: 'Resultatkonferens', en: 'Results conference' },
  extra: { sv: 'Extra träff', en: 'Extra meeting' },
}

export const participantFunctionLabels: Record<ParticipantFunction, Localized> = {
  politiker: { sv: 'Politiker', en: 'Politician' },
  hog_chef: { sv: 'Hög chef', en: 'Senior manager' },
  nyckelperson: { sv: 'Nyckelperson', en: 'Key person' },
  annan: { sv: 'Annan funktion', en: 'Other role' },
}

export const organisationKindLabels: Record<OrganisationKind, Localized> = {
  kommun: { sv: 'Kommun', en: 'Municipality' },
  region: { sv: 'Region', en: 'Region' },
  kommunforbund: { sv: 'Kommunförbund', en: 'Association of municipalities' },
  stadsdel: { sv: 'Stadsdel', en: 'City district' },
  forvaltning: { sv: 'Förvaltning', en: 'Administration' },
}

export const groupMemberRoleLabels: Record<GroupMemberRole, Localized> = {
  benchmarking: { sv: 'Benchmarkingkommun', en: 'Benchmarking organisation' },
  mentor: { sv: 'Mentor', en: 'Mentor' },
  supporting_mentor: { sv: 'Stödjande mentor', en: 'Supporting mentor' },
}
