import type { Context } from 'hono'
import { Hono } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import {
  invitePreviewRequestSchema,
  joinRequestSchema,
  type InvitePreviewResponse,
  type JoinResponse,
} from '../../shared/api.ts'
import { sessionCookieName } from '../../shared/protocol/messages.ts'
import type { Role } from '../../shared/roles.ts'
import type { AttemptLimiter } from '../auth/attempt-limiter.ts'
import type { InvitationProblem, Invitations } from '../auth/invitations.ts'
import { SESSION_LIFETIME_MS, type ActiveSession, type Sessions } from '../auth/sessions.ts'
import type { Audit } from '../domain/audit.ts'
import type { Groups } from '../domain/groups.ts'
import { clientAddress } from '../http/client-address.ts'
import { apiError, readJson } from '../http/errors.ts'
import type { Logger } from '../log.ts'
import type { Rooms } from '../relay/rooms.ts'
import { GroupPart } from '../../shared/protocol/group-changed.ts'

export interface JoinDeps {
  groups: Pick<Groups, 'context' | 'organisationsOf' | 'isMember'>
  invitations: Invitations
  sessions: Sessions
  audit: Pick<Audit, 'record'>
  /** The group's open pages list its members: a join is told to them. */
  rooms: Pick<Rooms, 'groupChanged'>
  /** Attempts per client address, shared by preview and join (both tell a token's validity). */
  attempts: AttemptLimiter
  logger: Logger
  /** Cookies are marked Secure when the public URL is https. */
  secureCookies: boolean
}

const problemStatus = {
  invite_not_found: 404,
  invite_revoked: 410,
  invite_expired: 410,
  invite_used_up: 410,
} as const
const problemMessage: Record<InvitationProblem, string> = {
  invite_not_found: 'This invitation does not exist.',
  invite_revoked:
    "This invitation has been withdrawn by the group's facilitator. Ask them for a new link.",
  invite_expired: 'This invitation has expired. Ask your mentor or SKR for a new link.',
  invite_used_up: 'This invitation has been used as many times as it allows.',
}

/** `POST /api/invitations/preview` and `POST /api/join`: from an invitation to a session. */
export function createJoinRoutes({
  groups,
  invitations,
  sessions,
  audit,
  rooms,
  attempts,
  logger,
  secureCookies,
}: JoinDeps) {
  const app = new Hono()

  /**
   * The session this browser already has in the group a token invites to (its cookie for
   * that room), whatever the invitation's state: someone who opens their link again is
   * already in, and is shown the way there instead of a form that makes a second member.
   */
  const memberBehind = async (c: Context, invite: string): Promise<ActiveSession | null> => {
    const room = await invitations.roomOf(invite)
    const token = room ? getCookie(c, sessionCookieName(room)) : undefined
    const session = token ? await sessions.find(token) : null
    return session && session.room === room ? session : null
  }

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
    const member = await memberBehind(c, invite)
    let invited: { groupId: string; room: string; role: Role; organisationId: string | null }
    if (check.ok) invited = check.invitation
    else if (member) invited = { ...member, organisationId: null }
    else throw attempt.refuse(check.problem)
    const { groupId, room, role, organisationId } = invited
    const found = await groups.context(groupId)
    const body: InvitePreviewResponse = {
      group: { id: groupId, name: found?.group.name ?? '', room },
      role,
      organisations: await groups.organisationsOf(groupId),
      organisationId,
      ...(member
        ? { member: { displayName: member.participant.displayName, role: member.role } }
        : {}),
    }
    return c.json(body)
  })

  app.post('/join', async (c) => {
    const attempt = guard(c)
    const request = await readJson(c, joinRequestSchema)
    const preview = await invitations.inspect(request.invite)
    if (!preview.ok) throw attempt.refuse(preview.problem)
    // An invitation for one organisation makes its members that organisation's.
    const invitedFor = preview.invitation.organisationId
    if (invitedFor && request.organisationId && request.organisationId !== invitedFor) {
      throw apiError(
        400,
        'bad_request',
        'organisationId: this invitation is for another organisation of the group.',
      )
    }
    const organisationId = invitedFor ?? request.organisationId
    if (organisationId && !(await groups.isMember(preview.invitation.groupId, organisationId))) {
      throw apiError(
        400,
        'bad_request',
        'organisationId: that organisation is not a member of this group.',
      )
    }
    const redeemed = await invitations.redeem(request.invite)
    if (!redeemed.ok) throw attempt.refuse(redeemed.problem)
    const { id: invitationId, groupId, room, role } = redeemed.invitation
    const { token, participantId } = await sessions.start({
      groupId,
      role,
      displayName: request.name,
      organisationId: organisationId ?? null,
      function: request.function ?? null,
      invitationId,
    })
    await audit.record({
      groupId,
      participantId,
      kind: 'invitation.used',
      detail: { invitationId, role },
    })
    setCookie(c, sessionCookieName(room), token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: secureCookies,
      path: '/',
      maxAge: Math.floor(SESSION_LIFETIME_MS / 1000),
    })
    logger.info('participant joined', { room, participant: participantId, role })
    rooms.groupChanged(room, GroupPart.Members)
    const body: JoinResponse = { session: token, room, role, participantId }
    return c.json(body)
  })

  return app
}
