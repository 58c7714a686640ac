import { and, eq, gt, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm'
import type { Database } from '../../../db/client.ts'
import {
  attendance,
  cohorts,
  groups,
  invitations,
  leadInvitations,
  sessions,
} from '../../../db/schema.ts'
import type { RetentionResponse } from '../../../shared/privacy-api.ts'

const DAY_MS = 24 * 60 * 60 * 1000

/** What the sweep ended in one round: the sessions (to close their sockets) and a count. */
export interface RoundRetentionEnded {
  cohortId: string
  sessions: { id: string; room: string }[]
  invitations: number
  leadInvitations: number
  /** Attendance rows (who was connected which day) deleted. */
  attendance: number
}

type CohortRow = Pick<typeof cohorts.$inferSelect, 'id' | 'closedAt' | 'retentionDays'>

const view = (row: CohortRow): RetentionResponse => ({
  cohortId: row.id,
  closedAt: row.closedAt?.toISOString() ?? null,
  retentionDays: row.retentionDays,
  endsAt: row.closedAt
    ? new Date(row.closedAt.getTime() + row.retentionDays * DAY_MS).toISOString()
    : null,
})

/**
 * A round's retention: once the round lead closes it, its groups' sessions and invitations
 * last `retention_days` more (90 unless set), then `sweep` ends them and deletes the
 * attendance (who was connected which day), which nobody needs once the round is over.
 * The people's rows stay (names for the round's own records) until a round lead erases them.
 */
export function createRetention(db: Database) {
  const columns = {
    id: cohorts.id,
    closedAt: cohorts.closedAt,
    retentionDays: cohorts.retentionDays,
  }

  async function get(cohortId: string): Promise<RetentionResponse | null> {
    const rows = await db.select(columns).from(cohorts).where(eq(cohorts.id, cohortId)).limit(1)
    return rows[0] ? view(rows[0]) : null
  }

  async function setDays(cohortId: string, retentionDays: number) {
    const rows = await db
      .update(cohorts)
      .set({ retentionDays })
      .where(eq(cohorts.id, cohortId))
      .returning(columns)
    return rows[0] ? view(rows[0]) : null
  }

  /** Closes the round (once: a second close keeps the first date); null: no such round. */
  async function close(cohortId: string, now = new Date()) {
    const before = await get(cohortId)
    if (!before) return null
    if (before.closedAt) return { retention: before, changed: false }
    await db
      .update(cohorts)
      .set({ closedAt: now })
      .where(and(eq(cohorts.id, cohortId), isNull(cohorts.closedAt)))
    return { retention: (await get(cohortId))!, changed: true }
  }

  /**
   * Ends what still lets anyone into rounds closed longer than their retention: sessions
   * (revoked here; the caller closes their sockets), group invitations and unused round
   * lead invitations for those rounds. Rounds with nothing left to end are not returned, so
   * running it again (hourly, on every node) changes and reports nothing.
   */
  async function sweep(now = new Date()): Promise<RoundRetentionEnded[]> {
    const due = await db
      .select({ id: cohorts.id })
      .from(cohorts)
      .where(
        and(
          isNotNull(cohorts.closedAt),
          lte(sql`${cohorts.closedAt} + ${cohorts.retentionDays} * ${DAY_MS}`, now.getTime()),
        ),
      )
    const ended: RoundRetentionEnded[] = []
    for (const { id: cohortId } of due) {
      const groupIds = db
        .select({ id: groups.id })
        .from(groups)
        .where(eq(groups.cohortId, cohortId))
      const live = await db
        .select({ id: sessions.id, room: groups.room })
        .from(sessions)
        .innerJoin(groups, eq(groups.id, sessions.groupId))
        .where(
          and(
            eq(groups.cohortId, cohortId),
            isNull(sessions.revokedAt),
            gt(sessions.expiresAt, now),
          ),
        )
      const [revokedSessions, revokedInvitations, revokedLeadInvitations, deletedAttendance] =
        await db.batch([
          db
            .update(sessions)
            .set({ revokedAt: now })
            .where(
              and(
                inArray(sessions.groupId, groupIds),
                isNull(sessions.revokedAt),
                gt(sessions.expiresAt, now),
              ),
            )
            .returning({ id: sessions.id }),
          db
            .update(invitations)
            .set({ revokedAt: now })
            .where(
              and(
                inArray(invitations.groupId, groupIds),
                isNull(invitations.revokedAt),
                gt(invitations.expiresAt, now),
              ),
            )
            .returning({ id: invitations.id }),
          db
            .update(leadInvitations)
            .set({ revokedAt: now })
            .where(
              and(
                eq(leadInvitations.cohortId, cohortId),
                isNull(leadInvitations.usedAt),
                isNull(leadInvitations.revokedAt),
                gt(leadInvitations.expiresAt, now),
              ),
            )
            .returning({ id: leadInvitations.id }),
          db
            .delete(attendance)
            .where(inArray(attendance.groupId, groupIds))
            .returning({ day: attendance.day }),
        ])
      const revoked = new Set(revokedSessions.map((row) => row.id))
      const result = {
        cohortId,
        sessions: live.filter((session) => revoked.has(session.id)),
        invitations: revokedInvitations.length,
        leadInvitations: revokedLeadInvitations.length,
        attendance: deletedAttendance.length,
      }
      const total =
        result.sessions.length + result.invitations + result.leadInvitations + result.attendance
      if (total > 0) ended.push(result)
    }
    return ended
  }

  return { get, setDays, close, sweep }
}

export type Retention = ReturnType<typeof createRetention>
