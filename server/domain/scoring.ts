import { and, eq } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { scoringRounds, sealedScores, sealedSubmissions } from '../../db/schema.ts'
import { isChecklistScore } from '../../shared/domain/checklist.ts'
import type { SealedScore, SealedScoreInput } from '../../shared/scoring-api.ts'
import { randomId } from '../auth/tokens.ts'

export type ScoringRoundRow = typeof scoringRounds.$inferSelect

/** The sealed scoring rounds of groups, and the scores kept in them until the reveal. */
export function createScoring(db: Database) {
  async function find(groupId: string, roundId: string): Promise<ScoringRoundRow | null> {
    const rows = await db
      .select()
      .from(scoringRounds)
      .where(and(eq(scoringRounds.id, roundId), eq(scoringRounds.groupId, groupId)))
      .limit(1)
    return rows[0] ?? null
  }

  /** The group's open (not yet revealed) rounds: their meetings' checklists are sealed. */
  async function openRounds(groupId: string): Promise<ScoringRoundRow[]> {
    return db
      .select()
      .from(scoringRounds)
      .where(and(eq(scoringRounds.groupId, groupId), eq(scoringRounds.state, 'open')))
  }

  /** Opens a round for a meeting, or returns the one open already. */
  async function open(input: {
    groupId: string
    meetingId: string
    phase: string
    openedBy: string
  }): Promise<ScoringRoundRow> {
    const existing = await db
      .select()
      .from(scoringRounds)
      .where(and(eq(scoringRounds.meetingId, input.meetingId), eq(scoringRounds.state, 'open')))
      .limit(1)
    if (existing[0]) return existing[0]
    const [row] = await db
      .insert(scoringRounds)
      .values({ id: randomId(), ...input, state: 'open' })
      .returning()
    return row!
  }

  async function setScore(roundId: string, input: SealedScoreInput, by: string): Promise<void> {
    const values = {
      score: input.score,
      comment: input.comment,
      updatedBy: by,
      updatedAt: new Date(),
    }
    await db
      .insert(sealedScores)
      .values({ roundId, organisationId: input.organisationId, itemId: input.itemId, ...values })
      .onConflictDoUpdate({
        target: [sealedScores.roundId, sealedScores.organisationId, sealedScores.itemId],
        set: values,
      })
  }

  async function setDone(roundId: string, organisationId: string, done: boolean): Promise<void> {
    if (done)
      await db
        .insert(sealedSubmissions)
        .values({ roundId, organisationId, doneAt: new Date() })
        .onConflictDoNothing()
    else
      await db
        .delete(sealedSubmissions)
        .where(
          and(
            eq(sealedSubmissions.roundId, roundId),
            eq(sealedSubmissions.organisationId, organisationId),
          ),
        )
  }

  /** Every score of the round: organisationId → itemId → score and comment. */
  async function scoresOf(roundId: string): Promise<Map<string, Map<string, SealedScore>>> {
    const rows = await db.select().from(sealedScores).where(eq(sealedScores.roundId, roundId))
    const byOrganisation = new Map<string, Map<string, SealedScore>>()
    for (const row of rows) {
      const items = byOrganisation.get(row.organisationId) ?? new Map<string, SealedScore>()
      items.set(row.itemId, {
        score: isChecklistScore(row.score) ? row.score : null,
        comment: row.comment,
      })
      byOrganisation.set(row.organisationId, items)
    }
    return byOrganisation
  }

  async function doneOf(roundId: string): Promise<Set<string>> {
    const rows = await db
      .select({ organisationId: sealedSubmissions.organisationId })
      .from(sealedSubmissions)
      .where(eq(sealedSubmissions.roundId, roundId))
    return new Set(rows.map((row) => row.organisationId))
  }

  async function markRevealed(roundId: string): Promise<void> {
    await db
      .update(scoringRounds)
      .set({ state: 'revealed', revealedAt: new Date() })
      .where(eq(scoringRounds.id, roundId))
  }

  return { find, openRounds, open, setScore, setDone, scoresOf, doneOf, markRevealed }
}

export type Scoring = ReturnType<typeof createScoring>
