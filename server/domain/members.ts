import { and, asc, desc, eq, gt, inArray, isNull } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { invitations, participants, sessions } from '../../db/schema.ts'
import type { InvitationStatus, InvitationSummary, MemberSummary } from '../../shared/api.ts'
import type { Role } from '../../shared/roles.ts'
import { noteAttendance } from './attendance.ts'
import { groupParticipantRows } from './group-participants.ts'

/** A change to a member: their role before, and the sessions whose sockets must learn of it. */
export interface MemberChange {
  displayName: string
  previousRole: Role
  sessionIds: string[]
}

const statusOf = (
  row: { revokedAt: Date | null; expiresAt: Date; maxUses: number | null; uses: number },
  now: Date,
): InvitationStatus => {
  if (row.revokedAt) return 'revoked'
  if (row.expiresAt <= now) return 'expired'
  if (row.maxUses !== null && row.uses >= row.maxUses) return 'used_up'
  return 'active'
}

/**
 * The people of a group and its invitations, as its facilitators manage them: who is in,
 * their role, removal. Sessions carry the role the relay and the API read, so a change of
 * role is written to the participant and to every session of theirs at once.
 */
export function createMembers(db: Database) {
  /** The group's members (not those removed), first joined first. */
  async function list(groupId: string, online: ReadonlySet<string>): Promise<MemberSummary[]> {
    const rows = await groupParticipantRows(db, groupId)
    return rows.map((row) => ({
      id: row.id,
      displayName: row.displayName,
      organisationId: row.organisationId,
      function: row.function,
      role: row.role,
      joinedAt: row.createdAt.toISOString(),
      lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
      online: online.has(row.id),
      invitationId: row.invitationId,
    }))
  }

  async function find(groupId: string, participantId: string) {
    const rows = await db
      .select()
      .from(participants)
      .where(
        and(
          eq(participants.id, participantId),
          eq(participants.groupId, groupId),
          isNull(participants.removedAt),
        ),
      )
      .limit(1)
    return rows[0] ?? null
  }

  /** The member's sessions that still let them in. */
  async function liveSessions(participantId: string, now: Date): Promise<string[]> {
    const rows = await db
      .select({ id: sessions.id })
      .from(sessions)
      .where(
        and(
          eq(sessions.participantId, participantId),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, now),
        ),
      )
    return rows.map((row) => row.id)
  }

  /** Gives a member another role (participant and sessions); null: no such member. */
  async function changeRole(
    groupId: string,
    participantId: string,
    role: Role,
    now = new Date(),
  ): Promise<MemberChange | null> {
    const member = await find(groupId, participantId)
    if (!member) return null
    await db.batch([
      db.update(participants).set({ role }).where(eq(participants.id, participantId)),
      db.update(sessions).set({ role }).where(eq(sessions.participantId, participantId)),
    ])
    return {
      displayName: member.displayName,
      previousRole: member.role,
      sessionIds: await liveSessions(participantId, now),
    }
  }

  /** Removes a member: every session of theirs is revoked; null: no such member. */
  async function remove(
    groupId: string,
    participantId: string,
    now = new Date(),
  ): Promise<MemberChange | null> {
    const member = await find(groupId, participantId)
    if (!member) return null
    const sessionIds = await liveSessions(participantId, now)
    await db.batch([
      db.update(participants).set({ removedAt: now }).where(eq(participants.id, participantId)),
      db
        .update(sessions)
        .set({ revokedAt: now })
        .where(and(eq(sessions.participantId, participantId), isNull(sessions.revokedAt))),
    ])
    return { displayName: member.displayName, previousRole: member.role, sessionIds }
  }

  /** One of the member's connections opened or closed: last seen, and present that day. */
  async function seen(participantIds: string | readonly string[], now = new Date()): Promise<void> {
    // Several at once: the relay notes a turn's connections together (a reconnect storm).
    const ids = typeof participantIds === 'string' ? [participantIds] : [...participantIds]
    if (ids.length === 0) return
    await db.batch([
      db.update(participants).set({ lastSeenAt: now }).where(inArray(participants.id, ids)),
      noteAttendance(db, ids, now),
    ])
  }

  /** The group's invitations, newest first, with who joined with each (never a token). */
  async function invitationsOf(groupId: string, now = new Date()): Promise<InvitationSummary[]> {
    const rows = await db
      .select()
      .from(invitations)
      .where(eq(invitations.groupId, groupId))
      .orderBy(desc(invitations.createdAt), asc(invitations.id))
    const ids = rows.map((row) => row.id)
    const makers = rows.flatMap((row) => (row.createdBy ? [row.createdBy] : []))
    const people =
      ids.length === 0
        ? []
        : await db
            .select({
              id: participants.id,
              displayName: participants.displayName,
              invitationId: participants.invitationId,
              removedAt: participants.removedAt,
            })
            .from(participants)
            .where(and(eq(participants.groupId, groupId), inArray(participants.invitationId, ids)))
            .orderBy(asc(participants.createdAt), asc(participants.id))
    const names = new Map<string, string>()
    if (makers.length > 0) {
      const found = await db
        .select({ id: participants.id, displayName: participants.displayName })
        .from(participants)
        .where(inArray(participants.id, [...new Set(makers)]))
      for (const person of found) names.set(person.id, person.displayName)
    }
    return rows.map((row) => ({
      id: row.id,
      role: row.role,
      organisationId: row.organisationId,
      label: row.label,
      createdBy: row.createdBy
        ? { id: row.createdBy, displayName: names.get(row.createdBy) ?? '' }
        : null,
      createdAt: row.createdAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
      maxUses: row.maxUses,
      uses: row.uses,
      usesLeft: row.maxUses === null ? null : Math.max(0, row.maxUses - row.uses),
      status: statusOf(row, now),
      usedBy: people
        .filter((person) => person.invitationId === row.id)
        .map((person) => ({
          id: person.id,
          displayName: person.displayName,
          removed: person.removedAt !== null,
        })),
    }))
  }

  return { list, changeRole, remove, seen, invitationsOf }
}

export type Members = ReturnType<typeof createMembers>
