import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import {
  groupOrganisations,
  groups,
  meetings as meetingRows,
  organisations,
  participants,
} from '../../db/schema.ts'
import type { MeetingSummary } from '../../shared/api.ts'
import type { GroupMemberRole } from '../../shared/domain/organisation.ts'
import type {
  GroupInput,
  GroupMeetingInput,
  GroupPatch,
  MeetingPlanEntry,
} from '../../shared/rounds-api.ts'
import { randomId } from '../auth/tokens.ts'
import { apiError } from '../http/errors.ts'
import type { MeetingStructure } from './meeting-structure.ts'
import type { Meetings } from './meetings.ts'
import type { RoundOrganisations } from './round-organisations.ts'

export interface RoundGroupDeps {
  db: Database
  meetings: Meetings
  organisations: RoundOrganisations
  /** Builds the meetings' structure in the group's workspace, as for every group. */
  structure: Pick<MeetingStructure, 'initialise' | 'initialiseAll'>
}

/** A group's organisation: who, and how it takes part. */
export interface GroupMember {
  organisationId: string
  role: GroupMemberRole
}

/** A meeting to make: kind, date and host (an organisation id). */
export interface NewMeeting {
  kind: GroupMeetingInput['kind']
  date: string | null
  hostOrganisationId: string | null
}

const hostOf = (meeting: GroupMeetingInput, organisationIds: readonly string[]) =>
  meeting.hostIndex === undefined || meeting.hostIndex === null
    ? null
    : (organisationIds[meeting.hostIndex] ?? null)

/** Without meetings of its own a group starts from the round's plan and dates, no hosts. */
const meetingsFromPlan = (plan: readonly MeetingPlanEntry[]): NewMeeting[] =>
  plan.map((entry) => ({ kind: entry.kind, date: entry.date, hostOrganisationId: null }))

/**
 * A round's groups as the round lead makes them: the group, its organisations (found or
 * made), its meetings with dates and hosts, and each meeting's structure in the group's
 * workspace (agenda, matrix, checklist) made by meeting-structure.ts, as for every group.
 */
export function createRoundGroups({
  db,
  meetings,
  organisations: orgs,
  structure,
}: RoundGroupDeps) {
  async function refuseTakenName(cohortId: string, name: string, except?: string) {
    const [row] = await db
      .select({ id: groups.id })
      .from(groups)
      .where(and(eq(groups.cohortId, cohortId), eq(groups.name, name)))
      .limit(1)
    if (row && row.id !== except)
      throw apiError(409, 'conflict', 'name: another group of this round has this name.')
  }

  const membershipRows = (groupId: string, members: readonly GroupMember[]) =>
    members.map((member, position) => ({
      groupId,
      organisationId: member.organisationId,
      role: member.role,
      position,
    }))

  /** Makes the group with its members and meetings; its workspace gets their structure. */
  async function make(
    cohortId: string,
    name: string,
    members: readonly GroupMember[],
    plan: readonly NewMeeting[],
  ): Promise<string> {
    await refuseTakenName(cohortId, name)
    const id = randomId()
    await db.batch([
      db.insert(groups).values({ id, cohortId, name, room: randomId() }),
      db.insert(groupOrganisations).values(membershipRows(id, members)),
    ])
    for (const [index, meeting] of plan.entries())
      await meetings.create(id, meeting, { sequence: index + 1 })
    await structure.initialiseAll(id)
    return id
  }

  async function create(
    cohortId: string,
    input: GroupInput,
    plan: readonly MeetingPlanEntry[],
  ): Promise<string> {
    const ids = await orgs.resolve(input.organisations)
    const members = input.organisations.map((choice, index) => ({
      organisationId: ids[index]!,
      role: choice.memberRole,
    }))
    const meetingList = input.meetings
      ? input.meetings.map((meeting) => ({
          kind: meeting.kind,
          date: meeting.date ?? null,
          hostOrganisationId: hostOf(meeting, ids),
        }))
      : meetingsFromPlan(plan)
    return make(cohortId, input.name, members, meetingList)
  }

  async function find(cohortId: string, groupId: string) {
    const [row] = await db
      .select()
      .from(groups)
      .where(and(eq(groups.id, groupId), eq(groups.cohortId, cohortId)))
      .limit(1)
    return row ?? null
  }

  /** The group's organisations become these; one that still has members stays (409). */
  async function replaceMembers(groupId: string, members: readonly GroupMember[]) {
    const kept = new Set(members.map((member) => member.organisationId))
    const current = await db
      .select({ id: groupOrganisations.organisationId })
      .from(groupOrganisations)
      .where(eq(groupOrganisations.groupId, groupId))
    const leaving = current.map((row) => row.id).filter((id) => !kept.has(id))
    if (leaving.length > 0) {
      const [peopled] = await db
        .select({ name: organisations.name })
        .from(participants)
        .innerJoin(organisations, eq(organisations.id, participants.organisationId))
        .where(
          and(
            eq(participants.groupId, groupId),
            inArray(participants.organisationId, leaving),
            isNull(participants.removedAt),
          ),
        )
        .limit(1)
      if (peopled)
        throw apiError(
          409,
          'conflict',
          `organisations: ${peopled.name} still has members in the group; remove them first.`,
        )
    }
    await db.batch([
      db.delete(groupOrganisations).where(eq(groupOrganisations.groupId, groupId)),
      db.insert(groupOrganisations).values(membershipRows(groupId, members)),
      ...(leaving.length > 0
        ? [
            db
              .update(meetingRows)
              .set({ hostOrganisationId: null })
              .where(
                and(
                  eq(meetingRows.groupId, groupId),
                  isNotNull(meetingRows.hostOrganisationId),
                  inArray(meetingRows.hostOrganisationId, leaving),
                ),
              ),
          ]
        : []),
    ])
    return current.length !== members.length || leaving.length > 0
  }

  /** Dates and hosts of the meetings named by id; the others are added. */
  async function changeMeetings(
    groupId: string,
    list: readonly GroupMeetingInput[],
    organisationIds: readonly string[] | null,
  ): Promise<MeetingSummary[]> {
    const existing = await meetings.list(groupId)
    const added: MeetingSummary[] = []
    for (const [index, meeting] of list.entries()) {
      const host =
        meeting.hostIndex === undefined
          ? undefined
          : meeting.hostIndex === null
            ? null
            : hostOf(meeting, organisationIds ?? [])
      if (meeting.id === undefined) {
        added.push(
          await meetings.create(groupId, {
            kind: meeting.kind,
            date: meeting.date ?? null,
            hostOrganisationId: host ?? null,
          }),
        )
        continue
      }
      const current = existing.find((m) => m.id === meeting.id)
      if (!current)
        throw apiError(400, 'bad_request', `meetings.${index}.id: no such meeting in this group.`)
      if (current.kind !== meeting.kind)
        throw apiError(400, 'bad_request', `meetings.${index}.kind: a meeting keeps its kind.`)
      await meetings.update(groupId, meeting.id, {
        ...(meeting.date !== undefined ? { date: meeting.date } : {}),
        ...(host !== undefined ? { hostOrganisationId: host } : {}),
      })
    }
    return added
  }

  /** Changes what the patch names; false when the round has no such group. */
  async function update(cohortId: string, groupId: string, patch: GroupPatch): Promise<boolean> {
    const group = await find(cohortId, groupId)
    if (!group) return false
    if (patch.name !== undefined && patch.name !== group.name) {
      await refuseTakenName(cohortId, patch.name, groupId)
      await db.update(groups).set({ name: patch.name }).where(eq(groups.id, groupId))
    }
    let organisationIds: string[] | null = null
    let membersChanged = false
    if (patch.organisations) {
      organisationIds = await orgs.resolve(patch.organisations)
      const ids = organisationIds
      membersChanged = await replaceMembers(
        groupId,
        patch.organisations.map((choice, index) => ({
          organisationId: ids[index]!,
          role: choice.memberRole,
        })),
      )
    }
    const added = patch.meetings
      ? await changeMeetings(groupId, patch.meetings, organisationIds)
      : []
    // New organisations get their column in every meeting; new meetings their structure.
    if (membersChanged) await structure.initialiseAll(groupId)
    else for (const meeting of added) await structure.initialise(groupId, meeting)
    return true
  }

  return { make, create, find, update }
}

export type RoundGroups = ReturnType<typeof createRoundGroups>
