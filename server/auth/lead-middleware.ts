import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { leadCookieName } from '../../shared/protocol/messages.ts'
import { apiError } from '../http/errors.ts'
import type { AppEnv } from '../http/env.ts'
import type { RoundLeads } from './round-leads.ts'

const bearerOf = (c: Context): string | undefined =>
  c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1]

/** A group's session cookies are `mr_session_<room>`; a browser in many groups has many. */
const groupSessionTokens = (c: Context): string[] => {
  const cookies = Object.entries(getCookie(c))
    .filter(([name]) => name.startsWith('mr_session_'))
    .map(([, value]) => value)
  const bearer = bearerOf(c)
  return [...(bearer ? [bearer] : []), ...cookies].slice(0, 10)
}

/** The lead's session token: the `mr_lead` cookie or `Authorization: Bearer`. */
const leadTokenOf = (c: Context): string | undefined => getCookie(c, leadCookieName) ?? bearerOf(c)

export interface RoundLeadOptions {
  /** The path parameter naming the round: a lead of another round gets 403. */
  cohortParam?: string
  /** Only a lead over every round (creating rounds, inviting leads). */
  allRounds?: boolean
}

/**
 * Lets a request through only with a round lead's session: 401 without one (403 when it
 * carries a group member's session instead: known, but not a round lead), 403 when the
 * lead's round is not the one in the path, or the route needs a lead over all rounds.
 * Sets `c.get('lead')`.
 */
export const requireRoundLead = (leads: RoundLeads, options: RoundLeadOptions = {}) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const token = leadTokenOf(c)
    const active = token ? await leads.find(token) : null
    if (!active) {
      if (await leads.isGroupSession(groupSessionTokens(c)))
        throw apiError(403, 'forbidden', 'Only a round lead (omgångsledare) can do this.')
      throw apiError(401, 'unauthenticated', 'Sign in as round lead with your invitation first.')
    }
    const { lead } = active
    if (options.allRounds && lead.cohortId !== null)
      throw apiError(403, 'forbidden', 'Only a round lead over every round can do this.')
    if (options.cohortParam && lead.cohortId !== null) {
      const cohortId = c.req.param(options.cohortParam)
      if (cohortId !== lead.cohortId) throw apiError(403, 'forbidden', 'You lead another round.')
    }
    c.set('lead', lead)
    c.set('leadSession', { id: active.sessionId, expiresAt: active.expiresAt })
    await next()
  })
