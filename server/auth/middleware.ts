import { createMiddleware } from 'hono/factory'
import { parse as parseCookie } from 'hono/utils/cookie'
import { sessionCookieName } from '../../shared/protocol/messages.ts'
import { canWrite, Role } from '../../shared/roles.ts'
import { apiError } from '../http/errors.ts'
import type { AppEnv } from '../http/env.ts'
import type { ActiveSession, Sessions } from './sessions.ts'

/** Room names are ids we mint; anything else is refused before it reaches the database. */
const isRoomName = (room: string): boolean => /^[A-Za-z0-9_-]{1,64}$/.test(room)

/** Where a request may carry its session token (see `sessionTokenOf`). */
export interface SessionCredentials {
  cookie: string | undefined
  authorization: string | undefined
  /** `?session=`: only a WebSocket upgrade's is read. */
  query: string | undefined
}

/**
 * The session token from the room's cookie, `Authorization: Bearer`, or, on the WebSocket
 * upgrade only, `?session=` (a WebSocket cannot carry headers from a browser-less client
 * otherwise). Anywhere else a token in the URL would end up in proxy and access logs.
 */
const sessionTokenOf = (room: string, credentials: SessionCredentials): string | undefined => {
  const name = sessionCookieName(room)
  const cookie = credentials.cookie ? parseCookie(credentials.cookie, name)[name] : undefined
  const bearer = credentials.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1]
  return cookie ?? bearer ?? credentials.query
}

/**
 * The valid session for `room` among `credentials`: 404 for what is no room name, 401 with
 * no valid session, 403 with a valid session for another group's room. The HTTP routes'
 * `requireSession` and the relay's upgrade (relay/ws-upgrade.ts) both ask it.
 */
export async function sessionForRoom(
  sessions: Sessions,
  room: string,
  credentials: SessionCredentials,
): Promise<ActiveSession> {
  if (!isRoomName(room)) throw apiError(404, 'not_found', 'No such room.')
  const token = sessionTokenOf(room, credentials)
  const session = token ? await sessions.find(token) : null
  if (!session) throw apiError(401, 'unauthenticated', 'Join the group with an invitation first.')
  if (session.room !== room) throw apiError(403, 'forbidden', 'Your session is for another group.')
  return session
}

/**
 * Lets a request through only with a valid session for the `:room` in its path:
 * 401 with no valid session, 403 with a valid session for another group's room.
 */
export const requireSession = (
  sessions: Sessions,
  options: { write?: boolean; facilitator?: boolean } = {},
) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const session = await sessionForRoom(sessions, c.req.param('room') ?? '', {
      cookie: c.req.header('cookie'),
      authorization: c.req.header('authorization'),
      query: undefined,
    })
    if (options.write && !canWrite(session.role)) {
      throw apiError(403, 'forbidden', 'Viewers cannot change the group.')
    }
    if (options.facilitator && session.role !== Role.Facilitator) {
      throw apiError(403, 'forbidden', 'Only facilitators can do this.')
    }
    c.set('session', session)
    await next()
  })
