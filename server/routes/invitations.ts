import { Hono } from 'hono'
import {
  invitationParamsSchema,
  invitationRequestSchema,
  type InvitationResponse,
  type InvitationsResponse,
} from '../../shared/api.ts'
import type { Invitations } from '../auth/invitations.ts'
import { requireSession } from '../auth/middleware.ts'
import type { Sessions } from '../auth/sessions.ts'
import type { Audit } from '../domain/audit.ts'
import type { Groups } from '../domain/groups.ts'
import type { Members } from '../domain/members.ts'
import { joinLink } from '../demo/invites.ts'
import type { AppEnv } from '../http/env.ts'
import { apiError, readJson, readParams } from '../http/errors.ts'
import { GroupPart } from '../../shared/protocol/group-changed.ts'
import type { Rooms } from '../relay/rooms.ts'

export interface InvitationRouteDeps {
  sessions: Sessions
  invitations: Invitations
  groups: Groups
  members: Members
  audit: Audit
  /** The members page of each facilitator of the group lists the invitations live. */
  rooms: Pick<Rooms, 'groupChanged'>
  publicUrl: string
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The group's invitations, for its facilitators. `POST /api/rooms/:room/invitations`: a new
 * one, valid for `days` and `maxUses` joins. The token is in the answer only; the database
 * keeps its hash, so a lost link is replaced, never read back. `GET …/invitations`: all of
 * them with their state and who joined with each (never a token); `DELETE
 * …/invitations/:invitationId`: withdraws one (joining with it then fails, saying so).
 */
export function createInvitationRoutes({
  sessions,
  invitations,
  groups,
  members,
  audit,
  rooms,
  publicUrl,
}: InvitationRouteDeps) {
  const app = new Hono<AppEnv>()
  const facilitators = requireSession(sessions, { facilitator: true })

  app.get('/:room/invitations', facilitators, async (c) => {
    const body: InvitationsResponse = {
      invitations: await members.invitationsOf(c.get('session').groupId),
    }
    return c.json(body)
  })

  app.delete('/:room/invitations/:invitationId', facilitators, async (c) => {
    const { invitationId } = readParams(c, invitationParamsSchema)
    const session = c.get('session')
    if (!(await invitations.revoke(session.groupId, invitationId)))
      throw apiError(404, 'not_found', 'invitationId: no such invitation in this group.')
    await audit.record({
      groupId: session.groupId,
      participantId: session.participant.id,
      kind: 'invitation.revoked',
      detail: { invitationId },
    })
    rooms.groupChanged(session.room, GroupPart.Members)
    return c.json({ ok: true })
  })

  app.post('/:room/invitations', facilitators, async (c) => {
    const request = await readJson(c, invitationRequestSchema)
    const session = c.get('session')
    const { organisationId } = request
    if (organisationId && !(await groups.isMember(session.groupId, organisationId)))
      throw apiError(
        400,
        'bad_request',
        'organisationId: that organisation is not a member of this group.',
      )
    const expiresAt = new Date(Date.now() + request.days * DAY_MS)
    const created = await invitations.create({
      groupId: session.groupId,
      role: request.role,
      expiresAt,
      maxUses: request.maxUses,
      organisationId: organisationId ?? null,
      createdBy: session.participant.id,
    })
    await audit.record({
      groupId: session.groupId,
      participantId: session.participant.id,
      kind: 'invitation.created',
      detail: {
        invitationId: created.id,
        role: request.role,
        days: request.days,
        maxUses: request.maxUses,
        organisationId: organisationId ?? null,
      },
    })
    rooms.groupChanged(session.room, GroupPart.Members)
    const body: InvitationResponse = {
      invite: created.token,
      url: joinLink(publicUrl, created.token),
      expiresAt: expiresAt.toISOString(),
    }
    return c.json(body, 201)
  })

  return app
}
