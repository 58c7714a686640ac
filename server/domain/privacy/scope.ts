import { and, eq } from 'drizzle-orm'
import type { Database } from '../../../db/client.ts'
import { groups, participants } from '../../../db/schema.ts'

/**
 * A round lead acts on a round's own groups and people only: one of another round's is
 * "not found" (404), never told apart from one that does not exist.
 */
export function createRoundScope(db: Database) {
  /** The group, when it belongs to the round. */
  async function group(cohortId: string, groupId: string) {
    const rows = await db
      .select()
      .from(groups)
      .where(and(eq(groups.id, groupId), eq(groups.cohortId, cohortId)))
      .limit(1)
    return rows[0] ?? null
  }

  /** The person and their group, when the group belongs to the round. */
  async function participant(cohortId: string, participantId: string) {
    const rows = await db
      .select({ participant: participants, group: groups })
      .from(participants)
      .innerJoin(groups, eq(groups.id, participants.groupId))
      .where(and(eq(participants.id, participantId), eq(groups.cohortId, cohortId)))
      .limit(1)
    return rows[0] ?? null
  }

  return { group, participant }
}

export type RoundScope = ReturnType<typeof createRoundScope>
