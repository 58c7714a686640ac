import { participantFunctions, type ParticipantFunction } from '../shared/domain/participant.ts'
import { isRole, type Role } from '../shared/roles.ts'
import type { LocalConnection } from './local-connection.ts'

/** A live session as stored: what the session check needs, read in one statement. */
export interface StoredSession {
  sessionId: string
  groupId: string
  role: Role
  room: string
  participantId: string
  displayName: string
  organisationId: string | null
  function: ParticipantFunction | null
  /** Milliseconds since the epoch (timestamp_ms). */
  expiresAt: number
  leadId: string | null
}

/** Reads a session by its token's hash, synchronously. */
export interface LocalSessionLookup {
  /** The session with this token hash that is neither revoked nor expired at `nowMs`. */
  find(tokenHash: string, nowMs: number): StoredSession | null
}

const SELECT_SESSION = `
  SELECT s.id AS sessionId, s.group_id AS groupId, s.role AS role, g.room AS room,
         p.id AS participantId, p.display_name AS displayName,
         p.organisation_id AS organisationId, p.function AS function,
         s.expires_at AS expiresAt, p.lead_id AS leadId
  FROM sessions s
  JOIN groups g ON g.id = s.group_id
  JOIN participants p ON p.id = s.participant_id
  WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ?
  LIMIT 1`

const text = (row: Record<string, unknown>, column: string): string => {
  const value = row[column]
  if (typeof value !== 'string') throw new Error(`sessions: ${column} is not text`)
  return value
}
const textOrNull = (row: Record<string, unknown>, column: string): string | null =>
  row[column] === null ? null : text(row, column)
const roleOf = (row: Record<string, unknown>): Role => {
  const value = row.role
  if (!isRole(value)) throw new Error('sessions: role is not a role')
  return value
}
const isFunction = (value: string): value is ParticipantFunction =>
  (participantFunctions as readonly string[]).includes(value)
/** Shown to the room only (presence), so a value this build does not know is left out. */
const functionOf = (row: Record<string, unknown>): ParticipantFunction | null => {
  const value = textOrNull(row, 'function')
  return value !== null && isFunction(value) ? value : null
}

/**
 * The session check's hot path on an embedded (`file:`) database: the SELECT prepared once,
 * on the update log's connection (db/local-connection.ts). Every WebSocket join and API
 * request looks its session up; in a reconnect storm (2,000 joins after a restart) the same
 * lookup through drizzle and the general client, which builds the query and prepares the
 * statement on every call, was a quarter of the server's CPU (`STORM_PROFILE=1 npm run
 * bench:storm`). Each `get` is its own read transaction, ended when it returns (WAL): a
 * session revoked or expired by any connection is refused by the next lookup.
 */
export function makeLocalSessionLookup(db: LocalConnection): LocalSessionLookup {
  const select = db.prepare(SELECT_SESSION)

  function find(tokenHash: string, nowMs: number): StoredSession | null {
    const row = select.get(tokenHash, nowMs) as Record<string, unknown> | undefined
    if (!row) return null
    return {
      sessionId: text(row, 'sessionId'),
      groupId: text(row, 'groupId'),
      role: roleOf(row),
      room: text(row, 'room'),
      participantId: text(row, 'participantId'),
      displayName: text(row, 'displayName'),
      organisationId: textOrNull(row, 'organisationId'),
      function: functionOf(row),
      expiresAt: Number(row.expiresAt),
      leadId: textOrNull(row, 'leadId'),
    }
  }

  return { find }
}
