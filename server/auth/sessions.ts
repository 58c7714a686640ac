import { and, eq, gt, isNull } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import type { LocalSessionLookup, StoredSession } from '../../db/local-session-lookup.ts'
import { groups, participants, sessions } from '../../db/schema.ts'
import type { ParticipantSummary } from '../../shared/api.ts'
import type { ParticipantFunction } from '../../shared/domain/participant.ts'
import type { Role } from '../../shared/roles.ts'
import { hashToken, randomId, randomToken } from './tokens.ts'

/** A round lasts one to two years; a participant should not have to re-join mid-round. */
export const SESSION_LIFETIME_MS = 400 * 24 * 60 * 60 * 1000

export interface ActiveSession {
  sessionId: string
  groupId: string
  room: string
  role: Role
  participant: ParticipantSummary
  /** A live connection opened with this session is closed at this moment. */
  expiresAt: Date
  /** A round lead who entered the group (their member has `lead_id`): offered the way back. */
  roundLead: boolean
}

export interface NewParticipant {
  groupId: string
  role: Role
  displayName: string
  organisationId: string | null
  function: ParticipantFunction | null
  /** The invitation they joined with (the members page shows who used which link). */
  invitationId?: string | null
}

const activeSession = (row: StoredSession): ActiveSession => ({
  sessionId: row.sessionId,
  groupId: row.groupId,
  room: row.room,
  role: row.role,
  expiresAt: new Date(row.expiresAt),
  roundLead: row.leadId !== null,
  participant: {
    id: row.participantId,
    displayName: row.displayName,
    organisationId: row.organisationId,
    function: row.function,
    role: row.role,
  },
})

/**
 * `local`: the session lookup with its statement prepared once, on an embedded database
 * (db/local-session-lookup.ts); without it (a remote database) the lookup goes through
 * drizzle like everything else here.
 */
export function createSessions(db: Database, local?: LocalSessionLookup | null) {
  /** Creates the participant and a session for them; returns the session token (once). */
  async function start(input: NewParticipant): Promise<{ token: string; participantId: string }> {
    const participantId = randomId()
    const token = randomToken()
    await db.batch([
      db.insert(participants).values({
        id: participantId,
        groupId: input.groupId,
        displayName: input.displayName,
        organisationId: input.organisationId,
        function: input.function,
        role: input.role,
        invitationId: input.invitationId ?? null,
        lastSeenAt: new Date(),
      }),
      db.insert(sessions).values({
        id: randomId(),
        tokenHash: hashToken(token),
        participantId,
        groupId: input.groupId,
        role: input.role,
        expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS),
      }),
    ])
    return { token, participantId }
  }

  /**
   * A new session for an existing participant (a round lead entering a group again), ending
   * at `expiresAt` (the lead's own session's end) or after the usual lifetime.
   */
  async function resume(
    participant: { id: string; groupId: string; role: Role },
    expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS),
  ): Promise<{ token: string }> {
    const token = randomToken()
    await db.insert(sessions).values({
      id: randomId(),
      tokenHash: hashToken(token),
      participantId: participant.id,
      groupId: participant.groupId,
      role: participant.role,
      expiresAt,
    })
    return { token }
  }

  async function find(token: string, now = new Date()): Promise<ActiveSession | null> {
    const tokenHash = hashToken(token)
    if (local) {
      const row = local.find(tokenHash, now.getTime())
      return row ? activeSession(row) : null
    }
    const rows = await db
      .select({
        sessionId: sessions.id,
        groupId: sessions.groupId,
        role: sessions.role,
        room: groups.room,
        participantId: participants.id,
        displayName: participants.displayName,
        organisationId: participants.organisationId,
        function: participants.function,
        expiresAt: sessions.expiresAt,
        leadId: participants.leadId,
      })
      .from(sessions)
      .innerJoin(groups, eq(groups.id, sessions.groupId))
      .innerJoin(participants, eq(participants.id, sessions.participantId))
      .where(
        and(
          eq(sessions.tokenHash, tokenHash),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, now),
        ),
      )
      .limit(1)
    const row = rows[0]
    return row ? activeSession({ ...row, expiresAt: row.expiresAt.getTime() }) : null
  }

  async function revoke(sessionId: string): Promise<void> {
    await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId))
  }

  return { start, resume, find, revoke }
}

export type Sessions = ReturnType<typeof createSessions>
