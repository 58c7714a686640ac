import { Hono } from 'hono'
import { deleteCookie } from 'hono/cookie'
import type { SessionResponse } from '../../shared/api.ts'
import { sessionCookieName } from '../../shared/protocol/messages.ts'
import { requireSession } from '../auth/middleware.ts'
import type { Sessions } from '../auth/sessions.ts'
import type { Audit } from '../domain/audit.ts'
import type { Rooms } from '../relay/rooms.ts'
import type { AppEnv } from '../http/env.ts'
import { GroupPart } from '../../shared/protocol/group-changed.ts'

/**
 * `GET /api/rooms/:room/session` (who am I here) and `POST …/leave` (sign out of the group:
 * the session is revoked and its open connections are closed, audited as `member.left`).
 */
export function createSessionRoutes(
  sessions: Sessions,
  rooms: Pick<Rooms, 'endSession' | 'groupChanged'>,
  audit: Pick<Audit, 'record'>,
) {
  const app = new Hono<AppEnv>()

  app.get('/:room/session', requireSession(sessions), (c) => {
    const { room, groupId, role, participant, roundLead } = c.get('session')
    const body: SessionResponse = { room, groupId, role, participant }
    if (roundLead) body.isRoundLead = true
    return c.json(body)
  })

  app.post('/:room/leave', requireSession(sessions), async (c) => {
    const session = c.get('session')
    await sessions.revoke(session.sessionId)
    rooms.endSession(session.room, session.sessionId)
    await audit.record({
      groupId: session.groupId,
      participantId: session.participant.id,
      kind: 'member.left',
      detail: { member: session.participant.id, role: session.role },
    })
    rooms.groupChanged(session.room, GroupPart.Members)
    deleteCookie(c, sessionCookieName(session.room), { path: '/' })
    return c.json({ ok: true })
  })

  return app
}
