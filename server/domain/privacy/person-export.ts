import { desc, eq, or, sql } from 'drizzle-orm'
import type { Database } from '../../../db/client.ts'
import { attendance, auditEvents, docUpdates, invitations, sessions } from '../../../db/schema.ts'
import type { PersonExport } from '../../../shared/privacy-api.ts'
import { exportedAuditEvent, exportedInvitation, exportedParticipants } from './export-rows.ts'
import type { RoundScope } from './scope.ts'

/**
 * The audit events about one person: those they caused (`participant_id`) and those done
 * to them (`detail.member`: a removal, a role change, an erasure, an export).
 */
const auditAbout = (db: Database, participantId: string) =>
  db
    .select()
    .from(auditEvents)
    .where(
      or(
        eq(auditEvents.participantId, participantId),
        eq(sql`json_extract(${auditEvents.detail}, '$.member')`, participantId),
      ),
    )
    .orderBy(desc(auditEvents.id))

/**
 * One person's data as the round lead hands it to them (a GDPR access request): who they
 * are in the group, their sessions (times only), the invitations they made, the audit
 * events about them, the days they were connected (attendance) and how many workspace
 * changes they made per room and day. What they
 * wrote is the group's content, so it is counted, not copied.
 */
export function createPersonExport(db: Database, scope: RoundScope) {
  return async function exportPerson(
    cohortId: string,
    participantId: string,
    now = new Date(),
  ): Promise<PersonExport | null> {
    const found = await scope.participant(cohortId, participantId)
    if (!found) return null
    const [participant] = await exportedParticipants(db, found.group, [found.participant])
    const sessionRows = await db
      .select({
        role: sessions.role,
        createdAt: sessions.createdAt,
        expiresAt: sessions.expiresAt,
        revokedAt: sessions.revokedAt,
      })
      .from(sessions)
      .where(eq(sessions.participantId, participantId))
      .orderBy(sessions.createdAt)
    const made = await db
      .select()
      .from(invitations)
      .where(eq(invitations.createdBy, participantId))
      .orderBy(invitations.createdAt)
    const day = sql<string>`date(${docUpdates.createdAt} / 1000, 'unixepoch')`
    const authored = await db
      .select({ room: docUpdates.room, date: day, count: sql<number>`count(*)` })
      .from(docUpdates)
      .where(eq(docUpdates.participantId, participantId))
      .groupBy(docUpdates.room, day)
      .orderBy(docUpdates.room, day)
    const days = await db
      .select()
      .from(attendance)
      .where(eq(attendance.participantId, participantId))
      .orderBy(attendance.day)
    return {
      exportedAt: now.toISOString(),
      participant: participant!,
      sessions: sessionRows.map((row) => ({
        role: row.role,
        createdAt: row.createdAt.toISOString(),
        expiresAt: row.expiresAt.toISOString(),
        revokedAt: row.revokedAt?.toISOString() ?? null,
      })),
      invitationsCreated: made.map(exportedInvitation),
      audit: (await auditAbout(db, participantId)).map(exportedAuditEvent),
      updatesAuthored: authored.map((row) => ({
        room: row.room,
        date: row.date,
        count: Number(row.count),
      })),
      attendance: days.map((row) => ({
        day: row.day,
        firstSeenAt: row.firstSeenAt.toISOString(),
        lastSeenAt: row.lastSeenAt.toISOString(),
      })),
    }
  }
}
