import { and, asc, eq } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { cohorts, groupOrganisations, groups, organisations } from '../../db/schema.ts'
import type {
  CohortSummary,
  GroupSummary,
  GroupWorkspaceResponse,
  OrganisationSummary,
  ParticipantSummary,
} from '../../shared/api.ts'
import { GroupMemberRole } from '../../shared/domain/organisation.ts'
import { groupParticipantRows } from './group-participants.ts'
import type { Meetings } from './meetings.ts'

export interface GroupContext {
  group: GroupSummary
  cohort: CohortSummary
}

/** Benchmarking organisations first, then the mentor, then a supporting mentor. */
const memberOrder: Record<string, number> = {
  [GroupMemberRole.Benchmarking]: 0,
  [GroupMemberRole.Mentor]: 1,
  [GroupMemberRole.SupportingMentor]: 2,
}

const sortMembers = (members: OrganisationSummary[]): OrganisationSummary[] =>
  [...members].sort(
    (a, b) =>
      (memberOrder[a.memberRole] ?? 9) - (memberOrder[b.memberRole] ?? 9) ||
      a.position - b.position,
  )

/** Read side of groups: the group with its cohort, members and participants. */
export function createGroups(db: Database, meetings: Meetings) {
  async function context(groupId: string): Promise<GroupContext | null> {
    const rows = await db
      .select({ group: groups, cohort: cohorts })
      .from(groups)
      .innerJoin(cohorts, eq(cohorts.id, groups.cohortId))
      .where(eq(groups.id, groupId))
      .limit(1)
    const row = rows[0]
    if (!row) return null
    return {
      group: { id: row.group.id, name: row.group.name, room: row.group.room },
      cohort: {
        id: row.cohort.id,
        name: row.cohort.name,
        track: row.cohort.track,
        startYear: row.cohort.startYear,
        endYear: row.cohort.endYear,
        checklistVersion: row.cohort.checklistVersion,
        meetingPlan: row.cohort.meetingPlan,
      },
    }
  }

  /** The group's member organisations, benchmarking ones first (see sortMembers). */
  async function organisationsOf(groupId: string): Promise<OrganisationSummary[]> {
    const rows = await db
      .select({
        id: organisations.id,
        name: organisations.name,
        kind: organisations.kind,
        municipalityCode: organisations.municipalityCode,
        memberRole: groupOrganisations.role,
        position: groupOrganisations.position,
      })
      .from(groupOrganisations)
      .innerJoin(organisations, eq(organisations.id, groupOrganisations.organisationId))
      .where(eq(groupOrganisations.groupId, groupId))
      .orderBy(asc(groupOrganisations.position))
    return sortMembers(rows)
  }

  async function isMember(groupId: string, organisationId: string): Promise<boolean> {
    const rows = await db
      .select({ id: groupOrganisations.organisationId })
      .from(groupOrganisations)
      .where(
        and(
          eq(groupOrganisations.groupId, groupId),
          eq(groupOrganisations.organisationId, organisationId),
        ),
      )
      .limit(1)
    return rows.length > 0
  }

  async function participantsOf(groupId: string): Promise<ParticipantSummary[]> {
    const rows = await groupParticipantRows(db, groupId)
    return rows.map((row) => ({
      id: row.id,
      displayName: row.displayName,
      organisationId: row.organisationId,
      function: row.function,
      role: row.role,
    }))
  }

  async function workspace(groupId: string): Promise<GroupWorkspaceResponse | null> {
    const found = await context(groupId)
    if (!found) return null
    const [organisations, meetingList, people] = await Promise.all([
      organisationsOf(groupId),
      meetings.list(groupId),
      participantsOf(groupId),
    ])
    return { ...found, organisations, meetings: meetingList, participants: people }
  }

  return { context, organisationsOf, isMember, participantsOf, workspace }
}

export type Groups = ReturnType<typeof createGroups>
