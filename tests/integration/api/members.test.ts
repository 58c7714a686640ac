import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, sessions } from '../../../db/schema.ts'
import type { MembersResponse, SessionResponse } from '../../../shared/api.ts'
import { errorCode, join, startApi, type ApiHarness, type Joined } from './harness.ts'

const ROOM = 'askersund-fagersta'
const OTHER = 'sodertalje-ostersund'

describe('members: GET, PATCH {role} and DELETE /api/rooms/:room/members', () => {
  let api: ApiHarness
  let facilitator: Joined
  let participant: Joined
  let viewer: Joined
  let elsewhere: Joined

  beforeAll(async () => {
    api = await startApi()
    const group = api.group(ROOM)
    facilitator = await join(api.app, group.invites.facilitator, 'Hedda Mentor', {
      organisationId: 'kommun-hedemora',
    })
    participant = await join(api.app, group.invites.participant, 'Anders Askersund', {
      organisationId: 'kommun-askersund',
      function: 'nyckelperson',
    })
    viewer = await join(api.app, group.invites.viewer, 'Vera Åhörare')
    elsewhere = await join(api.app, api.group(OTHER).invites.facilitator, 'Sam Annanstans')
  })
  afterAll(async () => {
    await api.close()
  })

  const call = (who: Joined | null, method: string, path: string, body?: unknown) =>
    api.app.request(`/api/rooms/${ROOM}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        // Another group's session comes as a bearer token (its cookie names another room).
        ...(who === elsewhere ? { authorization: `Bearer ${who.session}` } : {}),
        ...(who && who !== elsewhere ? { cookie: who.cookie } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })

  const sessionOf = async (who: Joined) =>
    api.app.request(`/api/rooms/${ROOM}/session`, { headers: { cookie: who.cookie } })

  it('refuses anonymous callers (401), participants, viewers and other groups’ facilitators (403)', async () => {
    const routes: [string, string, unknown?][] = [
      ['GET', '/members'],
      ['PATCH', `/members/${participant.participantId}`, { role: 'viewer' }],
      ['DELETE', `/members/${participant.participantId}`],
    ]
    for (const [method, path, body] of routes) {
      const anonymous = await call(null, method, path, body)
      expect(anonymous.status, `${method} ${path}`).toBe(401)
      for (const who of [participant, viewer, elsewhere]) {
        const refused = await call(who, method, path, body)
        expect(refused.status, `${method} ${path}`).toBe(403)
        expect(await errorCode(refused)).toBe('forbidden')
      }
    }
    // None of the refused calls changed anything.
    const me = (await (await sessionOf(participant)).json()) as SessionResponse
    expect(me.role).toBe('participant')
  })

  it('lists the members with organisation, function, role, joined, last seen and online', async () => {
    const response = await call(facilitator, 'GET', '/members')
    expect(response.status).toBe(200)
    const { members } = (await response.json()) as MembersResponse
    const anders = members.find((m) => m.id === participant.participantId)
    expect(anders).toMatchObject({
      displayName: 'Anders Askersund',
      organisationId: 'kommun-askersund',
      function: 'nyckelperson',
      role: 'participant',
      online: false,
    })
    expect(Date.parse(anders?.joinedAt ?? '')).toBeGreaterThan(Date.now() - 60_000)
    expect(anders?.lastSeenAt).not.toBeNull()
    expect(members.map((m) => m.displayName)).toEqual(
      expect.arrayContaining(['Hedda Mentor', 'Anders Askersund', 'Vera Åhörare']),
    )
    // Only this group's people.
    expect(members.map((m) => m.displayName)).not.toContain('Sam Annanstans')
  })

  it('answers bad input with a 400 naming the field, an unknown member with 404', async () => {
    const badRole = await call(facilitator, 'PATCH', `/members/${participant.participantId}`, {
      role: 'admin',
    })
    expect(badRole.status).toBe(400)
    expect(((await badRole.json()) as { error: { message: string } }).error.message).toMatch(
      /^role: /,
    )
    const badId = await call(facilitator, 'DELETE', '/members/no%20such%20id!')
    expect(badId.status).toBe(400)
    expect(((await badId.json()) as { error: { message: string } }).error.message).toMatch(
      /^participantId: /,
    )
    const unknown = await call(facilitator, 'PATCH', '/members/AAAAAAAAAAAAAAAA', {
      role: 'viewer',
    })
    expect(unknown.status).toBe(404)
    // Another group's member is no member here.
    const foreign = await call(facilitator, 'DELETE', `/members/${elsewhere.participantId}`)
    expect(foreign.status).toBe(404)
  })

  it('does not let a facilitator change or remove themselves (409)', async () => {
    const own = `/members/${facilitator.participantId}`
    expect((await call(facilitator, 'PATCH', own, { role: 'viewer' })).status).toBe(409)
    expect((await call(facilitator, 'DELETE', own)).status).toBe(409)
  })

  it('changes a member’s role: their session has it at once, and the audit log says who', async () => {
    const changed = await call(facilitator, 'PATCH', `/members/${viewer.participantId}`, {
      role: 'participant',
    })
    expect(changed.status).toBe(200)
    const me = (await (await sessionOf(viewer)).json()) as SessionResponse
    expect(me.role).toBe('participant')
    const [row] = await api.database.db
      .select({ role: sessions.role })
      .from(sessions)
      .where(eq(sessions.participantId, viewer.participantId))
    expect(row?.role).toBe('participant')
    const audit = await api.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.kind, 'member.role_changed'))
    expect(audit.at(-1)).toMatchObject({
      participantId: facilitator.participantId,
      detail: { member: viewer.participantId, from: 'viewer', to: 'participant' },
    })
  })

  it('removes a member: their next request is refused and they leave the lists', async () => {
    const removed = await join(api.app, api.group(ROOM).invites.participant, 'Tas Bort')
    expect((await sessionOf(removed)).status).toBe(200)
    const response = await call(facilitator, 'DELETE', `/members/${removed.participantId}`)
    expect(response.status).toBe(200)
    expect((await sessionOf(removed)).status).toBe(401)
    const { members } = (await (
      await call(facilitator, 'GET', '/members')
    ).json()) as MembersResponse
    expect(members.map((m) => m.id)).not.toContain(removed.participantId)
    const group = await api.app.request(`/api/rooms/${ROOM}/group`, {
      headers: { cookie: facilitator.cookie },
    })
    const { participants } = (await group.json()) as { participants: { id: string }[] }
    expect(participants.map((p) => p.id)).not.toContain(removed.participantId)
    // A second removal finds no member.
    expect((await call(facilitator, 'DELETE', `/members/${removed.participantId}`)).status).toBe(
      404,
    )
    const audit = await api.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.kind, 'member.removed'))
    expect(audit.at(-1)?.detail).toMatchObject({ member: removed.participantId })
  })

  it('leaving the group yourself ends the session and is audited as member.left', async () => {
    const leaving = await join(api.app, api.group(ROOM).invites.participant, 'Går Själv')
    const response = await call(leaving, 'POST', '/leave')
    expect(response.status).toBe(200)
    expect((await sessionOf(leaving)).status).toBe(401)
    const audit = await api.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.kind, 'member.left'))
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({
      groupId: api.group(ROOM).id,
      participantId: leaving.participantId,
      detail: { member: leaving.participantId, role: 'participant' },
    })
  })
})
