import { eq } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { cohorts } from '../../db/schema.ts'

/** Rounds (omgångar, the `cohorts` table) as the round lead sees and changes them. */
export function createRounds(db: Database) {
  async function exists(cohortId: string): Promise<boolean> {
    const rows = await db
      .select({ id: cohorts.id })
      .from(cohorts)
      .where(eq(cohorts.id, cohortId))
      .limit(1)
    return rows.length > 0
  }

  return { exists }
}

export type Rounds = ReturnType<typeof createRounds>
