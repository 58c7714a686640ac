import { Hono } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import {
  leadInvitationRequestSchema,
  leadJoinRequestSchema,
  type LeadInvitationResponse,
  type LeadSessionResponse,
} from '../../shared/rounds-api.ts'
import { leadCookieName } from '../../shared/protocol/messages.ts'
import { guardAttempt } from '../auth/attempt-guard.ts'
import type { AttemptLimiter } from '../auth/attempt-limiter.ts'
import {
  DEFAULT_LEAD_INVITATION_DAYS,
  leadInvitationExpiry,
  leadJoinLink,
} from '../auth/lead-links.ts'
import { requireRoundLead } from '../auth/lead-middleware.ts'
import {
  LEAD_SESSION_LIFETIME_MS,
  type LeadInvitationProblem,
  type RoundLeads,
} from '../auth/round-leads.ts'
import type { Audit } from '../domain/audit.ts'
import type { LeadEntry } from '../domain/lead-entry.ts'
import type { AppEnv } from '../http/env.ts'
import { apiError, readJson } from '../http/errors.ts'
import type { Logger } from '../log.ts'
import type { Rooms } from '../relay/rooms.ts'

export interface LeadRouteDeps {
  leads: RoundLeads
  /** Whether a round exists (an invitation for a round names one). */
  roundExists(cohortId: string): Promise<boolean>
  audit: Pick<Audit, 'record'>
  /** Shared with the group joins: both tell whether a token is valid. */
  attempts: AttemptLimiter
  logger: Logger
  publicUrl: string
  secureCookies: boolean
  /** The group sessions the lead got by entering groups: they end with the sign-out. */
  entry: Pick<LeadEntry, 'leaveAll'>
  rooms: Pick<Rooms, 'endSession'>
}

const problemStatus = {
  invite_not_found: 404,
  invite_revoked: 410,
  invite_expired: 410,
  invite_used_up: 410,
} as const
const problemMessage: Record<LeadInvitationProblem, string> = {
  invite_not_found: 'This round lead invitation does not exist.',
  invite_revoked: 'This round lead invitation has been withdrawn. Ask for a new link.',
  invite_expired: 'This round lead invitation has expired. Ask for a new link.',
  invite_used_up: 'This round lead invitation has already been used; each link works once.',
}

/**
 * The round lead's session: `POST /api/lead/join` (a one-time invitation and a name make a
 * round lead, signed in with the `mr_lead` cookie), `GET`/`DELETE /api/lead/session`, and
 * `POST /api/lead/invitations` (a lead over every round invites another lead).
 */
export function createLeadRoutes({
  leads,
  roundExists,
  audit,
  attempts,
  logger,
  publicUrl,
  secureCookies,
  entry,
  rooms,
}: LeadRouteDeps) {
  const app = new Hono<AppEnv>()

  app.post('/lead/join', async (c) => {
    const attempt = guardAttempt(c, attempts, logger)
    const request = await readJson(c, leadJoinRequestSchema)
    const joined = await leads.join(request.token, request.displayName)
    if (!joined.ok) {
      attempt.failed()
      logger.warn('round lead join refused', { address: attempt.address, problem: joined.problem })
      throw apiError(problemStatus[joined.problem], joined.problem, problemMessage[joined.problem])
    }
    const { lead, token } = joined
    await audit.record({
      groupId: null,
      cohortId: lead.cohortId,
      leadId: lead.id,
      kind: 'lead.joined',
      // Ids only: the log's read names the lead from round_leads (a name is not kept twice).
      detail: { invitationId: joined.invitationId },
    })
    setCookie(c, leadCookieName, token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: secureCookies,
      path: '/',
      maxAge: Math.floor(LEAD_SESSION_LIFETIME_MS / 1000),
    })
    logger.info('round lead joined', { lead: lead.id, cohort: lead.cohortId })
    const body: LeadSessionResponse = { lead, session: token }
    return c.json(body)
  })

  app.get('/lead/session', requireRoundLead(leads), (c) => {
    const body: LeadSessionResponse = { lead: c.get('lead') }
    return c.json(body)
  })

  app.delete('/lead/session', requireRoundLead(leads), async (c) => {
    await leads.revoke(c.get('leadSession').id)
    // The groups the lead entered: those sessions end too, and their sockets close (4401).
    const ended = await entry.leaveAll(c.get('lead').id)
    for (const { room, sessionId } of ended) rooms.endSession(room, sessionId)
    if (ended.length > 0)
      logger.info('round lead signed out of the groups entered', {
        lead: c.get('lead').id,
        sessions: ended.length,
      })
    deleteCookie(c, leadCookieName, { path: '/' })
    return c.json({ ok: true })
  })

  app.post('/lead/invitations', requireRoundLead(leads, { allRounds: true }), async (c) => {
    const request = await readJson(c, leadInvitationRequestSchema)
    const cohortId = request.cohortId ?? null
    if (cohortId !== null && !(await roundExists(cohortId)))
      throw apiError(404, 'not_found', 'cohortId: no such round.')
    const days = request.days ?? DEFAULT_LEAD_INVITATION_DAYS
    const expiresAt = leadInvitationExpiry(days)
    const lead = c.get('lead')
    const created = await leads.invite({ cohortId, expiresAt, createdBy: lead.id })
    await audit.record({
      groupId: null,
      cohortId,
      leadId: lead.id,
      kind: 'lead.invited',
      detail: { invitationId: created.id, cohortId, days },
    })
    const body: LeadInvitationResponse = {
      invite: created.token,
      url: leadJoinLink(publicUrl, created.token),
      expiresAt: expiresAt.toISOString(),
    }
    return c.json(body, 201)
  })

  return app
}
