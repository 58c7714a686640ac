import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents } from '../../../db/schema.ts'
import type {
  InvitationResponse,
  InvitationsResponse,
  InvitePreviewResponse,
} from '../../../shared/api.ts'
import { hashToken } from '../../../server/auth/tokens.ts'
import { errorCode, join, json, startApi, type ApiHarness, type Joined } from './harness.ts'

const ROOM = 'askersund-fagersta'
const OTHER = 'sodertalje-ostersund'

describe('invitations: GET and DELETE /api/rooms/:room/invitations, and what a revoke does', () => {
  let api: ApiHarness
  let facilitator: Joined
  let participant: Joined
  let viewer: Joined
  let elsewhere: Joined

  beforeAll(async () => {
    api = await startApi()
    const group = api.group(ROOM)
    facilitator = await join(api.app, group.invites.facilitator, 'Hedda Mentor')
    participant = await join(api.app, group.invites.participant, 'Anders')
    viewer = await join(api.app, group.invites.viewer, 'Vera')
    elsewhere = await join(api.app, api.group(OTHER).invites.facilitator, 'Sam')
  })
  afterAll(async () => {
    await api.close()
  })

  const call = (who: Joined | null, method: string, path: string, body?: unknown, room = ROOM) =>
    api.app.request(`/api/rooms/${room}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(who === elsewhere ? { authorization: `Bearer ${who.session}` } : {}),
        ...(who && who !== elsewhere ? { cookie: who.cookie } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })

  const create = async (body: Record<string, unknown>, room = ROOM, who = facilitator) => {
    const response = await call(who, 'POST', '/invitations', body, room)
    expect(response.status).toBe(201)
    return (await response.json()) as InvitationResponse
  }

  const list = async () => {
    const response = await call(facilitator, 'GET', '/invitations')
    expect(response.status).toBe(200)
    return ((await response.json()) as InvitationsResponse).invitations
  }

  const preview = (invite: string, cookie?: string) =>
    api.app.request('/api/invitations/preview', json({ invite }, cookie ? { cookie } : {}))

  it('refuses anonymous callers (401), participants, viewers and other groups’ facilitators (403)', async () => {
    const made = await create({ role: 'participant', days: 1, maxUses: 5 })
    const [newest] = await list()
    for (const [method, path] of [
      ['GET', '/invitations'],
      ['DELETE', `/invitations/${newest?.id}`],
    ] as const) {
      expect((await call(null, method, path)).status).toBe(401)
      for (const who of [participant, viewer, elsewhere]) {
        const refused = await call(who, method, path)
        expect(refused.status, `${method} ${path}`).toBe(403)
        expect(await errorCode(refused)).toBe('forbidden')
      }
    }
    expect((await join(api.app, made.invite, 'Still valid')).status).toBe(200)
  })

  it('lists role, organisation, maker, dates, uses left, status and who used each, never a token', async () => {
    const made = await create({
      role: 'participant',
      days: 7,
      maxUses: 2,
      organisationId: 'kommun-askersund',
    })
    const joined = await join(api.app, made.invite, 'Ny Deltagare')
    expect(joined.status).toBe(200)
    const raw = await (await call(facilitator, 'GET', '/invitations')).text()
    expect(raw).not.toContain(made.invite)
    expect(raw).not.toContain(hashToken(made.invite))
    const invitations = (JSON.parse(raw) as InvitationsResponse).invitations
    const listed = invitations[0]
    expect(listed).toMatchObject({
      role: 'participant',
      organisationId: 'kommun-askersund',
      createdBy: { id: facilitator.participantId, displayName: 'Hedda Mentor' },
      maxUses: 2,
      uses: 1,
      usesLeft: 1,
      status: 'active',
      usedBy: [{ id: joined.participantId, displayName: 'Ny Deltagare', removed: false }],
    })
    expect(Date.parse(listed?.expiresAt ?? '') - Date.now()).toBeGreaterThan(6.9 * 86_400_000)
    // The one who joined with it belongs to its organisation, without choosing it.
    const members = await call(facilitator, 'GET', '/members')
    const body = (await members.json()) as { members: { id: string; organisationId: string }[] }
    expect(body.members.find((m) => m.id === joined.participantId)?.organisationId).toBe(
      'kommun-askersund',
    )
    // The demo's links are there too, made by no one (the command line).
    expect(invitations.some((i) => i.createdBy === null && i.maxUses === null)).toBe(true)
    // Used up when its uses are.
    expect((await join(api.app, made.invite, 'Andra')).status).toBe(200)
    expect((await list()).find((i) => i.id === listed?.id)?.status).toBe('used_up')
  })

  it('refuses a join for another organisation than the invitation is for (400 naming it)', async () => {
    const made = await create({
      role: 'participant',
      days: 1,
      maxUses: 3,
      organisationId: 'kommun-askersund',
    })
    const response = await api.app.request(
      '/api/join',
      json({ invite: made.invite, name: 'Fel Org', organisationId: 'kommun-fagersta' }),
    )
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /^organisationId: /,
    )
    const previewed = (await (await preview(made.invite)).json()) as InvitePreviewResponse
    expect(previewed.organisationId).toBe('kommun-askersund')
  })

  it('revokes: the link then fails on preview and join with invite_revoked, and it says so in the list', async () => {
    const made = await create({ role: 'participant', days: 1, maxUses: 50 })
    const id = (await list())[0]?.id ?? ''
    const revoked = await call(facilitator, 'DELETE', `/invitations/${id}`)
    expect(revoked.status).toBe(200)
    const joined = await api.app.request('/api/join', json({ invite: made.invite, name: 'Sen' }))
    expect(joined.status).toBe(410)
    expect(await errorCode(joined)).toBe('invite_revoked')
    const previewed = await preview(made.invite)
    expect(previewed.status).toBe(410)
    expect(await errorCode(previewed)).toBe('invite_revoked')
    expect((await list()).find((i) => i.id === id)?.status).toBe('revoked')
    // Revoking again changes nothing and is no error.
    expect((await call(facilitator, 'DELETE', `/invitations/${id}`)).status).toBe(200)
    const audit = await api.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.kind, 'invitation.revoked'))
    expect(audit.at(-1)).toMatchObject({
      participantId: facilitator.participantId,
      detail: { invitationId: id },
    })
  })

  it('cannot revoke another group’s invitation, and a malformed id is a 400 naming it', async () => {
    await create({ role: 'viewer', days: 1, maxUses: 1 }, OTHER, elsewhere)
    const theirs = await call(elsewhere, 'GET', '/invitations', undefined, OTHER)
    const [other] = ((await theirs.json()) as InvitationsResponse).invitations
    expect((await call(facilitator, 'DELETE', `/invitations/${other?.id}`)).status).toBe(404)
    const bad = await call(facilitator, 'DELETE', '/invitations/%3Cscript%3E')
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(
      /^invitationId: /,
    )
  })

  it('tells a browser that already belongs to the group so, even after the link was revoked', async () => {
    const made = await create({ role: 'participant', days: 1, maxUses: 5 })
    const member = await join(api.app, made.invite, 'Återvändare')
    const again = (await (
      await preview(made.invite, member.cookie)
    ).json()) as InvitePreviewResponse
    expect(again.member).toEqual({ displayName: 'Återvändare', role: 'participant' })
    expect(again.group.room).toBe(ROOM)
    // A stranger gets the form (no member), and another room's cookie is no member here.
    expect(((await (await preview(made.invite)).json()) as InvitePreviewResponse).member).toBe(
      undefined,
    )
    const id = (await list())[0]?.id ?? ''
    expect((await call(facilitator, 'DELETE', `/invitations/${id}`)).status).toBe(200)
    const revoked = await preview(made.invite, member.cookie)
    expect(revoked.status).toBe(200)
    expect(((await revoked.json()) as InvitePreviewResponse).member?.displayName).toBe(
      'Återvändare',
    )
    expect((await preview(made.invite)).status).toBe(410)
  })
})
