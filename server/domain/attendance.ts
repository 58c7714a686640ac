import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { attendance, participants } from '../../db/schema.ts'
import { dayInSweden } from './swedish-day.ts'

/**
 * Notes that the participant had a connection open or close now: one row per person and
 * day, its first and last time. Written beside `lastSeenAt`, on a connection's open and
 * close only, never per update, so it costs the relay nothing on its hot path.
 */
export const noteAttendance = (db: Database, participantIds: readonly string[], now: Date) =>
  db
    .insert(attendance)
    .select(
      db
        .select({
          participantId: participants.id,
          groupId: participants.groupId,
          day: sql<string>`${dayInSweden(now)}`.as('day'),
          firstSeenAt: sql<number>`${now.getTime()}`.as('first_seen_at'),
          lastSeenAt: sql<number>`${now.getTime()}`.as('last_seen_at'),
        })
        .from(participants)
        .where(inArray(participants.id, [...participantIds])),
    )
    .onConflictDoUpdate({
      target: [attendance.participantId, attendance.day],
      set: { lastSeenAt: now },
    })

/** Who of the group had a connection on that day (YYYY-MM-DD), by participant id. */
export async function attendanceOn(
  db: Database,
  groupId: string,
  day: string,
): Promise<{ participantId: string; firstSeenAt: Date; lastSeenAt: Date }[]> {
  return db
    .select({
      participantId: attendance.participantId,
      firstSeenAt: attendance.firstSeenAt,
      lastSeenAt: attendance.lastSeenAt,
    })
    .from(attendance)
    .where(and(eq(attendance.groupId, groupId), eq(attendance.day, day)))
    .orderBy(asc(attendance.firstSeenAt))
}
