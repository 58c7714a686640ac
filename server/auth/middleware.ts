import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { sessionCookieName } from '../../shared/protocol/messages.ts'
import { canWrite, Role } from '../../shared/roles.ts'
import { apiError } from '../http/errors.ts'
import { isWebSocketUpgrade } from '../http/origin-guard.ts'
import type { AppEnv } from '../http/env.ts'
import type { Sessions } from './sessions.ts'

/** Room names are ids we mint; anything else is refused before it reaches the database. */
const isRoomName = (room: string): boolean => /^[A-Za-z0-9_-]{1,64}$/.test(room)

/**
 * The session token from the room's cookie, `Authorization: Bearer`, or, on the WebSocket
 * upgrade only, `?session=` (a WebSocket cannot carry headers from a browser-less client
 * otherwise). Anywhere else a token in the URL would end up in proxy and access logs.
 */
const sessionTokenFor = (c: Context, room: string): string | undefined => {
  const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1]
  const query = isWebSocketUpgrade(c) ? c.req.query('session') : undefined
  return getCookie(c, sessionCookieName(room)) ?? bearer ?? query
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
    const room = c.req.param('room') ?? ''
    if (!isRoomName(room)) throw apiError(404, 'not_found', 'No such room.')
    const token = sessionTokenFor(c, room)
    const session = token ? await sessions.find(token) : null
    if (!session) throw apiError(401, 'unauthenticated', 'Join the group with an invitation first.')
    if (session.room !== room)
      throw apiError(403, 'forbidden', 'Your session is for another group.')
    if (options.write && !canWrite(session.role)) {
      throw apiError(403, 'forbidden', 'Viewers cannot change the group.')
    }
    if (options.facilitator && session.role !== Role.Facilitator) {
      throw apiError(403, 'forbidden', 'Only facilitators can do this.')
    }
    c.set('session', session)
    await next()
  })
