import type { Context } from 'hono'
import { Hono } from 'hono'
import { setCookie } from 'hono/cookie'
import {
  invitePreviewRequestSchema,
  joinRequestSchema,
  type InvitePreviewResponse,
  type JoinResponse,
} from '../../shared/api.ts'
import { sessionCookieName } from '../../shared/protocol/messages.ts'
import type { AttemptLimiter } from '../auth/attempt-limiter.ts'
import type { InvitationProblem, Invitations } from '../auth/invitations.ts'
import { SESSION_LIFETIME_MS, type Sessions } from '../auth/sessions.ts'
import type { Groups } from '../domain/groups.ts'
import { clientAddress } from '../http/client-address.ts'
import { apiError, readJson } from '../http/errors.ts'
import type { Logger } from '../log.ts'

export interface JoinDeps {
  groups: Pick<Groups, 'context' | 'organisationsOf' | 'isMember'>
  invitations: Invitations
  sessions: Sessions
  /** Attempts per client address, shared by preview and join (both tell a token's validity). */
  attempts: AttemptLimiter
  logger: Logger
  /** Cookies are marked Secure when the public URL is https. */
  secureCookies: boolean
}

const problemStatus = { invite_not_found: 404, invite_expired: 410, invite_used_up: 410 } as const
const problemMessage: Record<InvitationProblem, string> = {
  invite_not_found: 'This invitation does not exist or has been withdrawn.',
  invite_expired: 'This invitation has expired. Ask your mentor or SKR for a new link.',
  invite_used_up: 'This invitation has been used as many times as it allows.',
}

/** `POST /api/invitations/preview` and `POST /api/join`: from an invitation to a session. */
export function createJoinRoutes({
  groups,
  invitations,
  sessions,
  attempts,
  logger,
  secureCookies,
}: JoinDeps) {
  const app = new Hono()

  /**
   * Refuses the caller's address past its limit of failed attempts (429, logged once per
   * spell); a failure (`refuse`) counts against it and is logged with the address, never
   * with the token.
   */
  const guard = (c: Context) => {
    const address = clientAddress(c)
    const attempt = attempts.attempt(address)
    if (!attempt.allowed) {
      if (attempt.firstRefusal) logger.warn('join attempts rate limited', { address })
      throw apiError(
        429,
        'rate_limited',
        'Too many attempts from your address. Wait a minute and try again.',
        undefined,
        { 'Retry-After': String(attempt.retryAfterSeconds) },
      )
    }
    return {
      refuse(problem: InvitationProblem) {
        attempt.failed()
        logger.warn('join refused', { address, path: c.req.path, problem })
        return apiError(problemStatus[problem], problem, problemMessage[problem])
      },
    }
  }

  app.post('/invitations/preview', async (c) => {
    const attempt = guard(c)
    const { invite } = await readJson(c, invitePreviewRequestSchema)
    const check = await invitations.inspect(invite)
    if (!check.ok) throw attempt.refuse(check.problem)
    const { groupId, room, role } = check.invitation
    const found = await groups.context(groupId)
    const body: InvitePreviewResponse = {
      group: { id: groupId, name: found?.group.name ?? '', room },
      role,
      organisations: await groups.organisationsOf(groupId),
    }
    return c.json(body)
  })

  app.post('/join', async (c) => {
    const attempt = guard(c)
    const request = await readJson(c, joinRequestSchema)
    const preview = await invitations.inspect(request.invite)
    if (!preview.ok) throw attempt.refuse(preview.problem)
    const { organisationId } = request
    if (organisationId && !(await groups.isMember(preview.invitation.groupId, organisationId))) {
      throw apiError(400, 'bad_request', 'That organisation is not a member of this group.')
    }
    const redeemed = await invitations.redeem(request.invite)
    if (!redeemed.ok) throw attempt.refuse(redeemed.problem)
    const { groupId, room, role } = redeemed.invitation
    const { token, participantId } = await sessions.start({
      groupId,
      role,
      displayName: request.name,
      organisationId: organisationId ?? null,
      function: request.function ?? null,
    })
    setCookie(c, sessionCookieName(room), token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: secureCookies,
      path: '/',
      maxAge: Math.floor(SESSION_LIFETIME_MS / 1000),
    })
    logger.info('participant joined', { room, participant: participantId, role })
    const body: JoinResponse = { session: token, room, role, participantId }
    return c.json(body)
  })

  return app
}
