import { Hono } from 'hono'
import { deleteCookie } from 'hono/cookie'
import type { SessionResponse } from '../../shared/api.ts'
import { sessionCookieName } from '../../shared/protocol/messages.ts'
import { requireSession } from '../auth/middleware.ts'
import type { Sessions } from '../auth/sessions.ts'
import type { Rooms } from '../relay/rooms.ts'
import type { AppEnv } from '../http/env.ts'
import { GroupPart } from '../../shared/protocol/group-changed.ts'

/**
 * `GET /api/rooms/:room/session` (who am I here) and `POST …/leave` (sign out of the group:
 * the session is revoked and its open connections are closed).
 */
export function createSessionRoutes(
  sessions: Sessions,
  rooms: Pick<Rooms, 'endSession' | 'groupChanged'>,
) {
  const app = new Hono<AppEnv>()

  app.get('/:room/session', requireSession(sessions), (c) => {
    const { room, groupId, role, participant } = c.get('session')
    const body: SessionResponse = { room, groupId, role, participant }
    return c.json(body)
  })

  app.post('/:room/leave', requireSession(sessions), async (c) => {
    const session = c.get('session')
    await sessions.revoke(session.sessionId)
    rooms.endSession(session.room, session.sessionId)
    rooms.groupChanged(session.room, GroupPart.Members)
    deleteCookie(c, sessionCookieName(session.room), { path: '/' })
    return c.json({ ok: true })
  })

  return app
}
