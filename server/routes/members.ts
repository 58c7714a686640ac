import { Hono } from 'hono'
import {
  memberParamsSchema,
  memberRoleRequestSchema,
  type MemberSummary,
  type MembersResponse,
} from '../../shared/api.ts'
import type { ActiveSession, Sessions } from '../auth/sessions.ts'
import { requireSession } from '../auth/middleware.ts'
import type { Audit } from '../domain/audit.ts'
import type { Members } from '../domain/members.ts'
import type { AppEnv } from '../http/env.ts'
import { apiError, readJson, readParams } from '../http/errors.ts'
import type { Logger } from '../log.ts'
import type { Rooms } from '../relay/rooms.ts'
import { GroupPart } from '../../shared/protocol/group-changed.ts'

export interface MemberRouteDeps {
  sessions: Sessions
  members: Members
  rooms: Pick<Rooms, 'endSession' | 'changeSession' | 'participantsOnline' | 'groupChanged'>
  audit: Audit
  logger: Logger
}

/**
 * A facilitator acting on their own membership could leave the group without anyone to
 * run it: they leave it (POST …/leave), or another facilitator changes them.
 */
const notYourself = (session: ActiveSession, participantId: string): void => {
  if (session.participant.id === participantId)
    throw apiError(
      409,
      'conflict',
      'participantId: you cannot change or remove yourself; another facilitator can, or leave the group.',
    )
}

/**
 * `GET /api/rooms/:room/members`, `PATCH …/members/:participantId {role}` and `DELETE
 * …/members/:participantId`, for the group's facilitators. A change reaches the member's
 * open connections at once, on every node: a new role closes them so they reconnect with
 * it (RoleChanged), a removal revokes their sessions and closes them for good (4401).
 */
export function createMemberRoutes({ sessions, members, rooms, audit, logger }: MemberRouteDeps) {
  const app = new Hono<AppEnv>()
  const facilitators = requireSession(sessions, { facilitator: true })

  app.get('/:room/members', facilitators, async (c) => {
    const session = c.get('session')
    const list: MemberSummary[] = await members.list(
      session.groupId,
      rooms.participantsOnline(session.room),
    )
    const body: MembersResponse = { members: list }
    return c.json(body)
  })

  app.patch('/:room/members/:participantId', facilitators, async (c) => {
    const { participantId } = readParams(c, memberParamsSchema)
    const { role } = await readJson(c, memberRoleRequestSchema)
    const session = c.get('session')
    notYourself(session, participantId)
    const changed = await members.changeRole(session.groupId, participantId, role)
    if (!changed) throw apiError(404, 'not_found', 'participantId: no such member in this group.')
    if (changed.previousRole !== role) {
      for (const sessionId of changed.sessionIds) rooms.changeSession(session.room, sessionId)
      await audit.record({
        groupId: session.groupId,
        participantId: session.participant.id,
        kind: 'member.role_changed',
        detail: { member: participantId, from: changed.previousRole, to: role },
      })
      logger.info('member role changed', {
        room: session.room,
        participant: participantId,
        by: session.participant.id,
        from: changed.previousRole,
        to: role,
      })
      rooms.groupChanged(session.room, GroupPart.Members)
    }
    return c.json({ id: participantId, role })
  })

  app.delete('/:room/members/:participantId', facilitators, async (c) => {
    const { participantId } = readParams(c, memberParamsSchema)
    const session = c.get('session')
    notYourself(session, participantId)
    const removed = await members.remove(session.groupId, participantId)
    if (!removed) throw apiError(404, 'not_found', 'participantId: no such member in this group.')
    // The same path as leaving: each session's connections close (4401) on every node.
    for (const sessionId of removed.sessionIds) rooms.endSession(session.room, sessionId)
    await audit.record({
      groupId: session.groupId,
      participantId: session.participant.id,
      kind: 'member.removed',
      detail: { member: participantId, role: removed.previousRole },
    })
    logger.info('member removed', {
      room: session.room,
      participant: participantId,
      by: session.participant.id,
    })
    rooms.groupChanged(session.room, GroupPart.Members)
    return c.json({ ok: true })
  })

  return app
}
