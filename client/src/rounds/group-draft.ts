import type { OfficialOrganisation } from '../../../shared/domain/municipalities.ts'
import type { MeetingKind } from '../../../shared/domain/meeting-kind.ts'
import type { GroupMemberRole, OrganisationKind } from '../../../shared/domain/organisation.ts'
import type {
  GroupMeetingInput,
  HandAddedOrganisationKind,
  OrganisationChoice,
  RoundDetail,
  RoundGroup,
} from '../../../shared/rounds-api.ts'

/** An organisation picked for a group in the form (before or after it is saved). */
export interface ChosenOrganisation {
  /** Stable in the form: the official code, or the kind and name of one added by hand. */
  key: string
  name: string
  kind: OrganisationKind
  municipalityCode: string | null
  memberRole: GroupMemberRole
}

/** A meeting of the group in the form; `hostKey` names a chosen organisation. */
export interface DraftMeeting {
  /** Set for a meeting the group already has (its kind stays). */
  id?: string
  kind: MeetingKind
  date: string | null
  hostKey: string | null
  /** Added in this form: its kind can still be chosen (the plan's and saved ones keep theirs). */
  added?: boolean
}

export const handKey = (kind: OrganisationKind, name: string): string =>
  `${kind}:${name.trim().toLocaleLowerCase('sv')}`

export const officialChoice = (
  organisation: OfficialOrganisation,
  memberRole: GroupMemberRole,
): ChosenOrganisation => ({
  key: `code:${organisation.code}`,
  name: organisation.name,
  kind: organisation.kind,
  municipalityCode: organisation.code,
  memberRole,
})

export const handChoice = (
  name: string,
  kind: HandAddedOrganisationKind,
  memberRole: GroupMemberRole,
): ChosenOrganisation => ({
  key: handKey(kind, name),
  name: name.trim(),
  kind,
  municipalityCode: null,
  memberRole,
})

/** A group's saved organisations and meetings, as the edit form starts from them. */
export function draftOf(group: RoundGroup): {
  organisations: ChosenOrganisation[]
  meetings: DraftMeeting[]
} {
  const keyById = new Map<string, string>()
  const organisations = group.organisations.map((organisation) => {
    const key =
      organisation.municipalityCode !== null
        ? `code:${organisation.municipalityCode}`
        : handKey(organisation.kind, organisation.name)
    keyById.set(organisation.id, key)
    return { ...organisation, key }
  })
  const meetings = group.meetings.map((meeting) => ({
    id: meeting.id,
    kind: meeting.kind,
    date: meeting.date,
    hostKey: meeting.hostOrganisationId ? (keyById.get(meeting.hostOrganisationId) ?? null) : null,
  }))
  return { organisations, meetings }
}

/** A new group starts from the round's plan: its meetings and default dates, no hosts. */
export const draftMeetingsOf = (round: RoundDetail): DraftMeeting[] =>
  round.meetingPlan.map((entry) => ({ kind: entry.kind, date: entry.date, hostKey: null }))

/** The request's organisations: by official code, or by name and kind for one added by hand. */
export const organisationChoices = (chosen: readonly ChosenOrganisation[]): OrganisationChoice[] =>
  chosen.map((organisation) =>
    organisation.municipalityCode !== null
      ? { municipalityCode: organisation.municipalityCode, memberRole: organisation.memberRole }
      : {
          name: organisation.name,
          kind: organisation.kind as HandAddedOrganisationKind,
          memberRole: organisation.memberRole,
        },
  )

/** The request's meetings: each host by its position among the organisations sent. */
export const meetingInputs = (
  meetings: readonly DraftMeeting[],
  chosen: readonly ChosenOrganisation[],
): GroupMeetingInput[] =>
  meetings.map((meeting) => {
    const host = chosen.findIndex((organisation) => organisation.key === meeting.hostKey)
    return {
      ...(meeting.id ? { id: meeting.id } : {}),
      kind: meeting.kind,
      date: meeting.date,
      hostIndex: host >= 0 ? host : null,
    }
  })
