import { Hono } from 'hono'
import { invitationRequestSchema, type InvitationResponse } from '../../shared/api.ts'
import type { Invitations } from '../auth/invitations.ts'
import { requireSession } from '../auth/middleware.ts'
import type { Sessions } from '../auth/sessions.ts'
import type { Audit } from '../domain/audit.ts'
import type { Groups } from '../domain/groups.ts'
import { joinLink } from '../demo/invites.ts'
import type { AppEnv } from '../http/env.ts'
import { apiError, readJson } from '../http/errors.ts'

export interface InvitationRouteDeps {
  sessions: Sessions
  invitations: Invitations
  groups: Groups
  audit: Audit
  publicUrl: string
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * `POST /api/rooms/:room/invitations` (facilitators): a new invitation to the group, valid
 * for `days` and `maxUses` joins. The token is in the answer only; the database keeps its
 * hash, so a lost link is replaced, never read back.
 */
export function createInvitationRoutes({
  sessions,
  invitations,
  groups,
  audit,
  publicUrl,
}: InvitationRouteDeps) {
  const app = new Hono<AppEnv>()

  app.post('/:room/invitations', requireSession(sessions, { facilitator: true }), async (c) => {
    const request = await readJson(c, invitationRequestSchema)
    const session = c.get('session')
    const { organisationId } = request
    if (organisationId && !(await groups.isMember(session.groupId, organisationId)))
      throw apiError(400, 'bad_request', 'That organisation is not a member of this group.')
    const expiresAt = new Date(Date.now() + request.days * DAY_MS)
    const created = await invitations.create({
      groupId: session.groupId,
      role: request.role,
      expiresAt,
      maxUses: request.maxUses,
      label: organisationId ?? null,
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
    const body: InvitationResponse = {
      invite: created.token,
      url: joinLink(publicUrl, created.token),
      expiresAt: expiresAt.toISOString(),
    }
    return c.json(body, 201)
  })

  return app
}
