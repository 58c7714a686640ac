import { and, count, eq, ne } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { cohorts, groups } from '../../db/schema.ts'
import type { MeetingPlanEntry, RoundInput, RoundPatch } from '../../shared/rounds-api.ts'
import { randomId } from '../auth/tokens.ts'
import { apiError } from '../http/errors.ts'

type CohortRow = typeof cohorts.$inferSelect

const planColumns = (plan: readonly MeetingPlanEntry[]) => ({
  meetingPlan: plan.map((entry) => entry.kind),
  meetingPlanDates: plan.map((entry) => entry.date),
})

/** The round's plan as entries (kinds with their default dates). */
export const planOf = (row: Pick<CohortRow, 'meetingPlan' | 'meetingPlanDates'>) =>
  row.meetingPlan.map((kind, index): MeetingPlanEntry => ({
    kind,
    date: row.meetingPlanDates[index] ?? null,
  }))

/**
 * Rounds (omgångar, the `cohorts` table) as the round lead makes and changes them. A name is
 * one round's only (409 otherwise): people tell rounds apart by it.
 */
export function createRounds(db: Database) {
  async function exists(cohortId: string): Promise<boolean> {
    const rows = await db
      .select({ id: cohorts.id })
      .from(cohorts)
      .where(eq(cohorts.id, cohortId))
      .limit(1)
    return rows.length > 0
  }

  async function find(cohortId: string): Promise<CohortRow | null> {
    const [row] = await db.select().from(cohorts).where(eq(cohorts.id, cohortId)).limit(1)
    return row ?? null
  }

  async function refuseTakenName(name: string, except?: string): Promise<void> {
    const rows = await db
      .select({ id: cohorts.id })
      .from(cohorts)
      .where(except ? and(eq(cohorts.name, name), ne(cohorts.id, except)) : eq(cohorts.name, name))
      .limit(1)
    if (rows.length > 0) throw apiError(409, 'conflict', 'name: another round has this name.')
  }

  async function create(input: RoundInput): Promise<string> {
    await refuseTakenName(input.name)
    const id = randomId()
    await db.insert(cohorts).values({
      id,
      name: input.name,
      track: input.track,
      startYear: input.startYear,
      endYear: input.endYear,
      checklistVersion: input.checklistVersion,
      ...planColumns(input.meetingPlan),
    })
    return id
  }

  async function groupCount(cohortId: string): Promise<number> {
    const [row] = await db.select({ n: count() }).from(groups).where(eq(groups.cohortId, cohortId))
    return row?.n ?? 0
  }

  /** Changes what the patch names; false when there is no such round. */
  async function update(cohortId: string, patch: RoundPatch): Promise<boolean> {
    const row = await find(cohortId)
    if (!row) return false
    const startYear = patch.startYear ?? row.startYear
    const endYear = patch.endYear ?? row.endYear
    if (endYear < startYear) throw apiError(400, 'bad_request', 'endYear: before startYear')
    if (patch.name !== undefined) await refuseTakenName(patch.name, cohortId)
    if (
      patch.checklistVersion !== undefined &&
      patch.checklistVersion !== row.checklistVersion &&
      (await groupCount(cohortId)) > 0
    )
      throw apiError(
        409,
        'conflict',
        "checklistVersion: the round's groups are scored on the version they have.",
      )
    await db
      .update(cohorts)
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.track !== undefined ? { track: patch.track } : {}),
        startYear,
        endYear,
        ...(patch.checklistVersion !== undefined
          ? { checklistVersion: patch.checklistVersion }
          : {}),
        ...(patch.meetingPlan !== undefined ? planColumns(patch.meetingPlan) : {}),
      })
      .where(eq(cohorts.id, cohortId))
    return true
  }

  return { exists, find, create, update }
}

export type Rounds = ReturnType<typeof createRounds>
