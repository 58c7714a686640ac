import { and, asc, count, desc, eq, inArray, isNull, max } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import {
  cohorts,
  groupOrganisations,
  groups,
  meetings,
  organisations,
  participants,
} from '../../db/schema.ts'
import type { RoundTrack } from '../../shared/domain/round-track.ts'
import { roles, type Role } from '../../shared/roles.ts'
import type { RoundDetail, RoundGroup, RoundSummary } from '../../shared/rounds-api.ts'

type CohortRow = typeof cohorts.$inferSelect

const summaryOf = (
  row: CohortRow,
  groupCount: number,
  lastActivity: Date | null,
): RoundSummary => ({
  id: row.id,
  name: row.name,
  track: row.track as RoundTrack,
  startYear: row.startYear,
  endYear: row.endYear,
  checklistVersion: row.checklistVersion,
  meetingPlan: row.meetingPlan.map((kind, index) => ({
    kind,
    date: row.meetingPlanDates[index] ?? null,
  })),
  groupCount,
  lastActivityAt: lastActivity ? lastActivity.toISOString() : null,
  createdAt: row.createdAt.toISOString(),
})

const noMembers = (): Record<Role, number> =>
  Object.fromEntries(roles.map((role) => [role, 0])) as Record<Role, number>

/** What the round lead reads: rounds with their groups, organisations, meetings, members. */
export function createRoundView(db: Database) {
  async function groupCounts(cohortIds: string[]): Promise<Map<string, number>> {
    if (cohortIds.length === 0) return new Map()
    const rows = await db
      .select({ cohortId: groups.cohortId, n: count() })
      .from(groups)
      .where(inArray(groups.cohortId, cohortIds))
      .groupBy(groups.cohortId)
    return new Map(rows.map((row) => [row.cohortId, row.n]))
  }

  /** When a member (not a round lead) of each round's groups last connected or left. */
  async function lastActivity(cohortIds: string[]): Promise<Map<string, Date | null>> {
    if (cohortIds.length === 0) return new Map()
    const rows = await db
      .select({ cohortId: groups.cohortId, at: max(participants.lastSeenAt) })
      .from(participants)
      .innerJoin(groups, eq(groups.id, participants.groupId))
      .where(
        and(
          inArray(groups.cohortId, cohortIds),
          isNull(participants.removedAt),
          isNull(participants.leadId),
        ),
      )
      .groupBy(groups.cohortId)
    return new Map(rows.map((row) => [row.cohortId, row.at]))
  }

  /** Every round (`scope` null) or the one a round-scoped lead leads, newest first. */
  async function list(scope: string | null): Promise<RoundSummary[]> {
    const rows = await db
      .select()
      .from(cohorts)
      .where(scope === null ? undefined : eq(cohorts.id, scope))
      .orderBy(desc(cohorts.startYear), desc(cohorts.createdAt), asc(cohorts.name))
    const ids = rows.map((row) => row.id)
    const [counts, activity] = await Promise.all([groupCounts(ids), lastActivity(ids)])
    return rows.map((row) => summaryOf(row, counts.get(row.id) ?? 0, activity.get(row.id) ?? null))
  }

  async function groupsOf(cohortId: string): Promise<RoundGroup[]> {
    const groupRows = await db
      .select({ id: groups.id, name: groups.name, room: groups.room })
      .from(groups)
      .where(eq(groups.cohortId, cohortId))
      .orderBy(asc(groups.createdAt), asc(groups.name))
    const ids = groupRows.map((group) => group.id)
    if (ids.length === 0) return []
    const [members, meetingRows, people] = await Promise.all([
      db
        .select({
          groupId: groupOrganisations.groupId,
          id: organisations.id,
          name: organisations.name,
          kind: organisations.kind,
          municipalityCode: organisations.municipalityCode,
          memberRole: groupOrganisations.role,
        })
        .from(groupOrganisations)
        .innerJoin(organisations, eq(organisations.id, groupOrganisations.organisationId))
        .where(inArray(groupOrganisations.groupId, ids))
        .orderBy(asc(groupOrganisations.position)),
      db
        .select({
          groupId: meetings.groupId,
          id: meetings.id,
          kind: meetings.kind,
          sequence: meetings.sequence,
          date: meetings.date,
          hostOrganisationId: meetings.hostOrganisationId,
          archivedAt: meetings.archivedAt,
        })
        .from(meetings)
        // A meeting a facilitator deleted is out of the round's plan too.
        .where(and(inArray(meetings.groupId, ids), isNull(meetings.deletedAt)))
        .orderBy(asc(meetings.sequence), asc(meetings.date)),
      // Current members, not the round leads who entered the group to look or help.
      db
        .select({
          groupId: participants.groupId,
          role: participants.role,
          n: count(),
          lastSeenAt: max(participants.lastSeenAt),
        })
        .from(participants)
        .where(
          and(
            inArray(participants.groupId, ids),
            isNull(participants.removedAt),
            isNull(participants.leadId),
          ),
        )
        .groupBy(participants.groupId, participants.role),
    ])
    return groupRows.map((group): RoundGroup => {
      const memberCounts = noMembers()
      let lastSeen: Date | null = null
      for (const row of people.filter((p) => p.groupId === group.id)) {
        memberCounts[row.role] = row.n
        if (row.lastSeenAt && (!lastSeen || row.lastSeenAt > lastSeen)) lastSeen = row.lastSeenAt
      }
      return {
        ...group,
        organisations: members
          .filter((m) => m.groupId === group.id)
          .map(({ groupId: _g, ...organisation }) => organisation),
        meetings: meetingRows
          .filter((m) => m.groupId === group.id)
          .map(({ groupId: _g, archivedAt, ...meeting }) => ({
            ...meeting,
            archivedAt: archivedAt ? archivedAt.toISOString() : null,
          })),
        memberCounts,
        lastActivityAt: lastSeen ? lastSeen.toISOString() : null,
      }
    })
  }

  async function detail(cohortId: string): Promise<RoundDetail | null> {
    const [row] = await db.select().from(cohorts).where(eq(cohorts.id, cohortId)).limit(1)
    if (!row) return null
    const roundGroups = await groupsOf(cohortId)
    const latest = roundGroups
      .map((group) => group.lastActivityAt)
      .reduce<string | null>((a, b) => (b !== null && (a === null || b > a) ? b : a), null)
    return {
      ...summaryOf(row, roundGroups.length, latest ? new Date(latest) : null),
      groups: roundGroups,
    }
  }

  async function group(cohortId: string, groupId: string): Promise<RoundGroup | null> {
    return (await groupsOf(cohortId)).find((g) => g.id === groupId) ?? null
  }

  return { list, detail, group }
}

export type RoundView = ReturnType<typeof createRoundView>
