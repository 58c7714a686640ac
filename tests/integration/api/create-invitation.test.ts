import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, invitations } from '../../../db/schema.ts'
import type { InvitationResponse } from '../../../shared/api.ts'
import { hashToken } from '../../../server/auth/tokens.ts'
import { errorCode, join, PUBLIC_URL, startApi, type ApiHarness, type Joined } from './harness.ts'

const ROOM = 'askersund-fagersta'

describe('POST /api/rooms/:room/invitations', () => {
  let api: ApiHarness
  let facilitator: Joined
  let participant: Joined
  let viewer: Joined

  beforeAll(async () => {
    api = await startApi()
    const group = api.group(ROOM)
    facilitator = await join(api.app, group.invites.facilitator, 'Hedda (Hedemora)')
    participant = await join(api.app, group.invites.participant, 'Anders (Askersund)')
    viewer = await join(api.app, group.invites.viewer, 'Vera')
  })
  afterAll(async () => {
    await api.close()
  })

  const invite = (who: Joined | null, body: unknown, room = ROOM) =>
    api.app.request(`/api/rooms/${room}/invitations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(who ? { cookie: who.cookie } : {}) },
      body: JSON.stringify(body),
    })

  const qr = { role: 'participant', days: 1, maxUses: 50 }

  it('refuses anonymous callers (401), participants and viewers (403)', async () => {
    const anonymous = await invite(null, qr)
    expect(anonymous.status).toBe(401)
    expect(await errorCode(anonymous)).toBe('unauthenticated')
    for (const who of [participant, viewer]) {
      const refused = await invite(who, qr)
      expect(refused.status).toBe(403)
      expect(await errorCode(refused)).toBe('forbidden')
    }
    // Another group's facilitator session is not this room's (its cookie is another
    // room's, so it comes as a bearer token).
    const other = await join(api.app, api.group('sodertalje-ostersund').invites.facilitator, 'Sam')
    const elsewhere = await api.app.request(`/api/rooms/${ROOM}/invitations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${other.session}` },
      body: JSON.stringify(qr),
    })
    expect(elsewhere.status).toBe(403)
  })

  it('gives a facilitator a link that joins the group as the role, limited in time and uses', async () => {
    const before = Date.now()
    const response = await invite(facilitator, { ...qr, maxUses: 2 })
    expect(response.status).toBe(201)
    const body = (await response.json()) as InvitationResponse
    expect(body.url).toBe(`${PUBLIC_URL}/join#${body.invite}`)
    const expiresAt = Date.parse(body.expiresAt)
    expect(expiresAt - before).toBeGreaterThanOrEqual(24 * 60 * 60 * 1000 - 1000)
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(24 * 60 * 60 * 1000)

    const first = await join(api.app, body.invite, 'Telefon Ett')
    expect(first.status).toBe(200)
    expect(first.role).toBe('participant')
    expect((await join(api.app, body.invite, 'Telefon Två')).status).toBe(200)
    const third = await api.app.request('/api/join', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invite: body.invite, name: 'Telefon Tre' }),
    })
    expect(third.status).toBe(410)
    expect(await errorCode(third)).toBe('invite_used_up')

    // Only the hash is stored; who made it is in the audit log, without the token.
    const [row] = await api.database.db
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, hashToken(body.invite)))
    expect(row?.maxUses).toBe(2)
    const audits = await api.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.kind, 'invitation.created'))
    expect(audits.at(-1)?.participantId).toBe(facilitator.participantId)
    expect(JSON.stringify(audits.at(-1)?.detail)).not.toContain(body.invite)
  })

  it('validates the request: days 1–90, maxUses 1–500, a known role, a member organisation', async () => {
    for (const bad of [
      { ...qr, days: 0 },
      { ...qr, days: 91 },
      { ...qr, days: 1.5 },
      { ...qr, maxUses: 0 },
      { ...qr, maxUses: 501 },
      { ...qr, role: 'admin' },
      { role: 'participant' },
      { ...qr, organisationId: 'kommun-sodertalje' },
    ]) {
      const response = await invite(facilitator, bad)
      expect(response.status, JSON.stringify(bad)).toBe(400)
      expect(await errorCode(response)).toBe('bad_request')
    }
    const forMember = await invite(facilitator, {
      role: 'viewer',
      days: 90,
      maxUses: 500,
      organisationId: 'kommun-fagersta',
    })
    expect(forMember.status).toBe(201)
  })
})
