import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Database } from '../../../db/client.ts'
import { attendance, participants, sessions } from '../../../db/schema.ts'
import { ERASED_DISPLAY_NAME } from '../../../shared/domain/display-name.ts'
import { GroupPart } from '../../../shared/protocol/group-changed.ts'
import type { DocWriter } from '../doc-writer.ts'
import type { Rooms } from '../../relay/rooms.ts'
import type { RoundScope } from './scope.ts'
import { anonymiseLocks } from './workspace-names.ts'

export interface ErasureDeps {
  db: Database
  scope: RoundScope
  /**
   * Ends a session's open sockets on every node (4401) and tells the group's open pages its
   * members changed, as a member's removal does.
   */
  rooms: Pick<Rooms, 'endSession' | 'groupChanged'>
  writer: DocWriter
}

export interface Erased {
  id: string
  groupId: string
  room: string
  erasedAt: Date
  /** Sessions that still let them in, now revoked and closed everywhere. */
  sessionsEnded: number
  /** False when the person had been erased before (nothing changed). */
  changed: boolean
}

/**
 * Erases a person at a round lead's request: the name becomes the neutral marker, the
 * organisation and function go, every session is revoked and its sockets close at once on
 * every node, they are out of the group (removed), and the days they were connected
 * (attendance: a minutes' present list would name them) go. The row stays, so the invitations
 * they made, the audit log and the update log's authorship point at someone anonymous.
 */
export function createErasure({ db, scope, rooms, writer }: ErasureDeps) {
  return async function erase(
    cohortId: string,
    participantId: string,
    now = new Date(),
  ): Promise<Erased | null> {
    const found = await scope.participant(cohortId, participantId)
    if (!found) return null
    const { participant, group } = found
    if (participant.erasedAt)
      return {
        id: participantId,
        groupId: group.id,
        room: group.room,
        erasedAt: participant.erasedAt,
        sessionsEnded: 0,
        changed: false,
      }
    const open = await db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.participantId, participantId), isNull(sessions.revokedAt)))
    await db.batch([
      db
        .update(participants)
        .set({
          displayName: ERASED_DISPLAY_NAME,
          organisationId: null,
          function: null,
          erasedAt: now,
          removedAt: sql`coalesce(${participants.removedAt}, ${now.getTime()})`,
          // A round lead entering the group again gets a new member, not this one.
          leadId: null,
        })
        .where(eq(participants.id, participantId)),
      db
        .update(sessions)
        .set({ revokedAt: now })
        .where(and(eq(sessions.participantId, participantId), isNull(sessions.revokedAt))),
      db.delete(attendance).where(eq(attendance.participantId, participantId)),
    ])
    for (const session of open) rooms.endSession(group.room, session.id)
    rooms.groupChanged(group.room, GroupPart.Members)
    await writer.change(group.room, (doc) => anonymiseLocks(doc, participantId))
    return {
      id: participantId,
      groupId: group.id,
      room: group.room,
      erasedAt: now,
      sessionsEnded: open.length,
      changed: true,
    }
  }
}
