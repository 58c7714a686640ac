import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents } from '../../../../db/schema.ts'
import type { LeadInvitationResponse, LeadSessionResponse } from '../../../../shared/rounds-api.ts'
import { errorCode, join, json, startApi, type ApiHarness } from '../harness.ts'
import { adminInviteCli, send, signInLead, tokenOfLink } from './lead-harness.ts'

const KOMMUNER = 'modellkommuner-2019-2020'
const errorMessage = async (response: Response) =>
  ((await response.json()) as { error: { message: string } }).error.message

/**
 * The round lead (omgångsledare): bootstrapped by `npm run cli -- admin-invite`, signed in
 * with the one-time link, and able to invite the next lead only when over every round.
 */
describe('round lead sessions and invitations', () => {
  let api: ApiHarness
  let facilitatorCookie: string

  beforeAll(async () => {
    api = await startApi()
    const group = api.round.groups[0]!
    facilitatorCookie = (await join(api.app, group.invites.facilitator, 'Anna Mentor')).cookie
  })
  afterAll(() => api.close())

  it('admin-invite prints a /leda# link that makes a round lead once, and only once', async () => {
    const printed = adminInviteCli(api.config.databaseUrl)
    expect(printed.status, printed.stderr).toBe(0)
    expect(printed.stdout).toMatch(/works once/)
    const token = tokenOfLink(printed.stdout)

    const first = await api.app.request('/api/lead/join', json({ token, displayName: 'Karin' }))
    expect(first.status).toBe(200)
    const body = (await first.json()) as LeadSessionResponse
    expect(body.lead).toMatchObject({ displayName: 'Karin', cohortId: null })
    const setCookie = first.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/^mr_lead=/)
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)

    const again = await api.app.request('/api/lead/join', json({ token, displayName: 'Eve' }))
    expect(again.status).toBe(410)
    expect(await errorCode(again)).toBe('invite_used_up')

    // The cookie and the bearer token both sign in.
    const cookie = setCookie.split(';')[0]!
    const byCookie = await api.app.request('/api/lead/session', { headers: { cookie } })
    expect(((await byCookie.json()) as LeadSessionResponse).lead.id).toBe(body.lead.id)
    const byBearer = await api.app.request('/api/lead/session', {
      headers: { authorization: `Bearer ${body.session}` },
    })
    expect(byBearer.status).toBe(200)

    const kinds = await api.database.db
      .select({ kind: auditEvents.kind, detail: auditEvents.detail })
      .from(auditEvents)
      .where(eq(auditEvents.leadId, body.lead.id))
    const joinedEvent = kinds.find((k) => k.kind === 'lead.joined')
    // Ids only: the name lives in round_leads, and the log's read names the lead from there.
    expect(joinedEvent?.detail).toEqual({ invitationId: expect.any(String) })
  })

  it('admin-invite --round makes a lead of that round; an unknown round is refused', () => {
    const unknown = adminInviteCli(api.config.databaseUrl, '--round', 'no-such-round')
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toMatch(/No round has the id "no-such-round"/)
    const badDays = adminInviteCli(api.config.databaseUrl, '--days', '0')
    expect(badDays.status).toBe(2)
    expect(badDays.stderr).toMatch(/--days must be a whole number/)
    const scoped = adminInviteCli(api.config.databaseUrl, '--round', KOMMUNER, '--days', '2')
    expect(scoped.status, scoped.stderr).toBe(0)
    expect(scoped.stdout).toContain(KOMMUNER)
  })

  it('joining names the bad field, and refuses an unknown or expired link', async () => {
    const noName = await api.app.request('/api/lead/join', json({ token: 'x'.repeat(43) }))
    expect(noName.status).toBe(400)
    expect(await errorMessage(noName)).toMatch(/^displayName: /)
    const shortToken = await api.app.request(
      '/api/lead/join',
      json({ token: 'x', displayName: 'A' }),
    )
    expect(shortToken.status).toBe(400)
    expect(await errorMessage(shortToken)).toMatch(/^token: /)

    const unknown = await api.app.request(
      '/api/lead/join',
      json({ token: 'y'.repeat(43), displayName: 'Eve' }),
    )
    expect(unknown.status).toBe(404)
    const { token } = await api.services.leads.invite({
      cohortId: null,
      expiresAt: new Date(Date.now() - 1000),
      createdBy: null,
    })
    const expired = await api.app.request('/api/lead/join', json({ token, displayName: 'Eve' }))
    expect(expired.status).toBe(410)
    expect(await errorCode(expired)).toBe('invite_expired')
  })

  it('the session: 401 without one, 403 for a group facilitator, gone after sign-out', async () => {
    expect((await api.app.request('/api/lead/session')).status).toBe(401)
    const member = await api.app.request('/api/lead/session', {
      headers: { cookie: facilitatorCookie },
    })
    expect(member.status).toBe(403)
    expect(await errorCode(member)).toBe('forbidden')

    const { headers } = await signInLead(api, null)
    const out = await api.app.request('/api/lead/session', send('DELETE', undefined, headers))
    expect(out.status).toBe(200)
    expect(out.headers.get('set-cookie')).toMatch(/mr_lead=;/)
    expect((await api.app.request('/api/lead/session', { headers })).status).toBe(401)
    expect(
      (await api.app.request('/api/lead/session', send('DELETE', undefined, headers))).status,
    ).toBe(401)
  })

  it('POST /api/lead/invitations: only a lead over every round invites another', async () => {
    const path = '/api/lead/invitations'
    expect((await api.app.request(path, json({}))).status).toBe(401)
    const member = await api.app.request(path, json({}, { cookie: facilitatorCookie }))
    expect(member.status).toBe(403)
    const roundLead = await signInLead(api, KOMMUNER)
    const scoped = await api.app.request(path, json({ cohortId: KOMMUNER }, roundLead.headers))
    expect(scoped.status).toBe(403)

    const allRounds = await signInLead(api, null)
    const badDays = await api.app.request(path, json({ days: 0 }, allRounds.headers))
    expect(badDays.status).toBe(400)
    expect(await errorMessage(badDays)).toMatch(/^days: /)
    const unknown = await api.app.request(path, json({ cohortId: 'nope' }, allRounds.headers))
    expect(unknown.status).toBe(404)

    const created = await api.app.request(
      path,
      json({ cohortId: KOMMUNER, days: 3 }, allRounds.headers),
    )
    expect(created.status).toBe(201)
    const invitation = (await created.json()) as LeadInvitationResponse
    expect(invitation.url).toBe(`http://localhost:3000/leda#${invitation.invite}`)
    const joined = await api.app.request(
      '/api/lead/join',
      json({ token: invitation.invite, displayName: 'Sara Regional' }),
    )
    expect(((await joined.json()) as LeadSessionResponse).lead.cohortId).toBe(KOMMUNER)

    const invited = await api.database.db
      .select({ kind: auditEvents.kind, cohortId: auditEvents.cohortId })
      .from(auditEvents)
      .where(eq(auditEvents.leadId, allRounds.lead.id))
    expect(invited).toContainEqual({ kind: 'lead.invited', cohortId: KOMMUNER })
  })
})

describe('round lead joins are rate limited with the group joins', () => {
  let api: ApiHarness
  beforeAll(async () => {
    api = await startApi({ JOIN_RATE_PER_MINUTE: '4' })
  })
  afterAll(() => api.close())

  it('failed group joins use up the address’s attempts for lead joins too', async () => {
    // Burst 2: two failed guesses at group invitations…
    for (let i = 0; i < 2; i++) {
      const guess = await api.app.request(
        '/api/join',
        json({ invite: `g${i}`.repeat(10), name: 'E' }),
      )
      expect(guess.status).toBe(404)
    }
    // …and a lead join from the same address is refused before its token is looked at.
    const { token } = await api.services.leads.invite({
      cohortId: null,
      expiresAt: new Date(Date.now() + 60_000),
      createdBy: null,
    })
    const refused = await api.app.request('/api/lead/join', json({ token, displayName: 'Karin' }))
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
  })
})
