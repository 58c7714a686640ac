import { and, inArray, isNotNull } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { meetings } from '../../db/schema.ts'
import { getChecklistVersion } from '../../shared/domain/checklist-versions.ts'
import { GroupMemberRole } from '../../shared/domain/organisation.ts'
import { resultsChainLevels, type ResultsChainLevel } from '../../shared/domain/results-chain.ts'
import { readGroupResults, type GroupResults } from '../../shared/results/group.ts'
import {
  criterionCountsPerPhase,
  meanPerItemPerPhase,
  organisationsReachingLevel,
  plansPerResultsChainLevel,
} from '../../shared/results/round.ts'
import type { RoundOverview, RoundOverviewGroup } from '../../shared/round-overview-api.ts'
import type { RoundGroup } from '../../shared/rounds-api.ts'
import type { WorkspaceReader } from './round-overview-workspace.ts'
import type { RoundView } from './round-view.ts'
import { dayInSweden } from './swedish-day.ts'
import { nextTurn } from '../next-turn.ts'

export interface RoundOverviewDeps {
  db: Database
  view: Pick<RoundView, 'detail'>
  reader: WorkspaceReader
}

function meetingFigures(
  group: RoundGroup,
  archived: ReadonlySet<string>,
  today: string,
): RoundOverviewGroup['meetings'] {
  const planned = group.meetings.filter((meeting) => !archived.has(meeting.id))
  const dated = planned.filter((meeting) => meeting.date !== null)
  const ahead = dated
    .filter((meeting) => meeting.date! > today)
    .sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : a.sequence - b.sequence))
  const next = ahead[0]
  return {
    planned: planned.length,
    held: dated.length - ahead.length,
    undated: planned.length - dated.length,
    next: next ? { id: next.id, kind: next.kind, date: next.date! } : null,
  }
}

/**
 * The round overview: every group of a round side by side and the round's figures over
 * them, read from each group's workspace with the pure functions of shared/results (the
 * ones the group's own results view runs in the browser), so both say the same.
 */
export function createRoundOverview({ db, view, reader }: RoundOverviewDeps) {
  /**
   * Overviews being computed, by round: a second request meanwhile (a reload, two tabs)
   * shares the first one's work instead of reading every workspace again.
   */
  const inFlight = new Map<string, Promise<RoundOverview | null>>()

  async function archivedMeetingIds(groupIds: string[]): Promise<Set<string>> {
    if (groupIds.length === 0) return new Set()
    const rows = await db
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(inArray(meetings.groupId, groupIds), isNotNull(meetings.archivedAt)))
    return new Set(rows.map((row) => row.id))
  }

  async function compute(cohortId: string, now: Date): Promise<RoundOverview | null> {
    const detail = await view.detail(cohortId)
    if (!detail) return null
    const version = getChecklistVersion(detail.checklistVersion)
    const archived = await archivedMeetingIds(detail.groups.map((group) => group.id))
    const today = dayInSweden(now)
    const readable: GroupResults[] = []
    const groups: RoundOverviewGroup[] = []
    for (const group of detail.groups) {
      // Reading a workspace is synchronous: one group a turn, 50 in one go would hold every
      // room's updates back for all of it.
      await nextTurn()
      const organisationIds = group.organisations
        .filter((organisation) => organisation.memberRole === GroupMemberRole.Benchmarking)
        .map((organisation) => organisation.id)
      const results = await reader.withWorkspace(group.room, (doc) =>
        readGroupResults(doc, {
          version,
          organisationIds,
          meetings: group.meetings.map(({ id, kind, date }) => ({ id, kind, date })),
        }),
      )
      if (results) readable.push(results)
      const own = results ? [results] : []
      groups.push({
        id: group.id,
        name: group.name,
        room: group.room,
        organisations: group.organisations.map(({ id, name, memberRole }) => ({
          id,
          name,
          memberRole,
        })),
        meetings: meetingFigures(group, archived, today),
        criterion: criterionCountsPerPhase(version, own),
        plans: plansPerResultsChainLevel(own),
        lastActivityAt: group.lastActivityAt,
        readable: results !== null,
      })
    }
    return {
      round: {
        id: detail.id,
        name: detail.name,
        track: detail.track,
        startYear: detail.startYear,
        endYear: detail.endYear,
        checklistVersion: version.id,
      },
      generatedAt: now.toISOString(),
      organisationCount: readable.reduce((sum, group) => sum + group.organisations.length, 0),
      items: meanPerItemPerPhase(version, readable),
      criterion: criterionCountsPerPhase(version, readable),
      plans: plansPerResultsChainLevel(readable),
      organisationsReaching: Object.fromEntries(
        resultsChainLevels.map((level) => [level, organisationsReachingLevel(readable, level)]),
      ) as Record<ResultsChainLevel, number>,
      groups,
    }
  }

  /** The round's overview now; null when there is no such round. */
  function overview(cohortId: string, now = new Date()): Promise<RoundOverview | null> {
    const running = inFlight.get(cohortId)
    if (running) return running
    const started = compute(cohortId, now).finally(() => inFlight.delete(cohortId))
    inFlight.set(cohortId, started)
    return started
  }

  return { overview }
}
