import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GroupWorkspaceResponse } from '../../../shared/api.ts'
import { errorCode, join, startApi, type ApiHarness } from './harness.ts'

describe('GET /api/rooms/:room/group', () => {
  let api: ApiHarness
  beforeAll(async () => {
    api = await startApi()
  })
  afterAll(async () => {
    await api.close()
  })

  it.each(['facilitator', 'participant', 'viewer'] as const)(
    'a %s joins with the demo link: HttpOnly SameSite cookie, then reads the group',
    async (role) => {
      const askersund = api.group('askersund-fagersta')
      const joined = await join(api.app, askersund.invites[role], `Test ${role}`, {
        organisationId: 'kommun-askersund',
        function: 'nyckelperson',
      })
      expect(joined.status).toBe(200)
      expect(joined.role).toBe(role)
      expect(joined.cookie).toBe(`mr_session_askersund-fagersta=${joined.session}`)
      expect(joined.setCookie).toMatch(/HttpOnly/i)
      expect(joined.setCookie).toMatch(/SameSite=Lax/i)
      expect(joined.setCookie).toMatch(/Path=\//i)

      const response = await api.app.request('/api/rooms/askersund-fagersta/group', {
        headers: { cookie: joined.cookie },
      })
      expect(response.status).toBe(200)
      const body = (await response.json()) as GroupWorkspaceResponse
      expect(body.group).toEqual({
        id: askersund.id,
        name: 'Askersund och Fagersta',
        room: 'askersund-fagersta',
      })
      expect(body.cohort).toMatchObject({
        name: 'Modellkommuner 2019–2020',
        track: 'kommuner',
        checklistVersion: 'skr-2019',
        meetingPlan: ['uppstart', 'bm1', 'bm2', 'bm3', 'resultatkonferens'],
      })
      expect(body.organisations.map((o) => [o.name, o.memberRole, o.municipalityCode])).toEqual([
        ['Askersunds kommun', 'benchmarking', '1882'],
        ['Fagersta kommun', 'benchmarking', '1982'],
        ['Hedemora kommun', 'mentor', '2083'],
      ])
      expect(body.meetings.map((m) => [m.sequence, m.kind])).toEqual([
        [1, 'uppstart'],
        [2, 'bm1'],
        [3, 'bm2'],
        [4, 'bm3'],
        [5, 'resultatkonferens'],
      ])
      const [uppstart, bm1, bm2, bm3] = body.meetings
      expect(uppstart).toMatchObject({ hostOrganisationId: null, place: 'SKR, Stockholm' })
      expect(bm1?.hostOrganisationId).toBe('kommun-askersund')
      expect(bm2?.hostOrganisationId).toBe('kommun-fagersta')
      expect(bm3?.hostOrganisationId).toBe('kommun-askersund')
      expect(body.meetings.every((m) => /^20(19|20)-\d\d-\d\d$/.test(m.date ?? ''))).toBe(true)
      const me = body.participants.find((p) => p.id === joined.participantId)
      expect(me).toEqual({
        id: joined.participantId,
        displayName: `Test ${role}`,
        organisationId: 'kommun-askersund',
        function: 'nyckelperson',
        role,
      })
    },
  )

  it('orders a supporting mentor after the mentor (Kristianstad med stöd av Malmö)', async () => {
    const group = api.group('trelleborg-olofstrom-ostra-goinge')
    const joined = await join(api.app, group.invites.viewer, 'Vera')
    const response = await api.app.request(`/api/rooms/${group.room}/group`, {
      headers: { cookie: joined.cookie },
    })
    const body = (await response.json()) as GroupWorkspaceResponse
    expect(body.organisations.map((o) => [o.name, o.memberRole])).toEqual([
      ['Trelleborgs kommun', 'benchmarking'],
      ['Olofströms kommun', 'benchmarking'],
      ['Östra Göinge kommun', 'benchmarking'],
      ['Kristianstads kommun', 'mentor'],
      ['Malmö stad', 'supporting_mentor'],
    ])
  })

  it('accepts the session as a bearer token too', async () => {
    const group = api.group('botkyrka-vasteras')
    const joined = await join(api.app, group.invites.participant, 'Bo')
    const response = await api.app.request(`/api/rooms/${group.room}/group`, {
      headers: { authorization: `Bearer ${joined.session}` },
    })
    expect(response.status).toBe(200)
  })

  it("refuses a session of group B on group A's room (403)", async () => {
    const other = api.group('botkyrka-vasteras')
    const joined = await join(api.app, other.invites.facilitator, 'Fia')
    const response = await api.app.request('/api/rooms/askersund-fagersta/group', {
      headers: { authorization: `Bearer ${joined.session}` },
    })
    expect(response.status).toBe(403)
    expect(await errorCode(response)).toBe('forbidden')
    // Group B's cookie is named after B's room, so sent to A's path it is simply absent.
    const withCookie = await api.app.request('/api/rooms/askersund-fagersta/group', {
      headers: { cookie: joined.cookie },
    })
    expect(withCookie.status).toBe(401)
  })

  it('refuses a request without a session (401) and an unknown or invalid session', async () => {
    const none = await api.app.request('/api/rooms/askersund-fagersta/group')
    expect(none.status).toBe(401)
    expect(await errorCode(none)).toBe('unauthenticated')
    const bogus = await api.app.request('/api/rooms/askersund-fagersta/group', {
      headers: { cookie: 'mr_session_askersund-fagersta=not-a-real-session-token-at-all' },
    })
    expect(bogus.status).toBe(401)
    const badRoom = await api.app.request('/api/rooms/no%20such%20room/group')
    expect(badRoom.status).toBe(404)
  })
})
