import { WebSocket } from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readConfig } from '../../../server/config.ts'
import type { RunningServer } from '../../../server/server.ts'
import { makeTempDatabase } from '../../helpers/database.ts'
import { createTestGroup, joinGroup, type TestGroup } from '../../helpers/fixtures.ts'
import { startTestServer } from '../../helpers/server.ts'
import { errorCode, join, json, startApi, type ApiHarness, type Joined } from './harness.ts'

const ROOM = 'askersund-fagersta'
const SIBLING = 'https://evil.modellrummet.example'

/**
 * A page on another site (a sibling origin of the same site included: SameSite=Lax lets a
 * member's cookie ride along) must not change a group or open its relay. Before, a
 * `text/plain` POST from such a page created a meeting, and the upgrade accepted any Origin.
 */
describe('requests from other sites', () => {
  let api: ApiHarness
  let facilitator: Joined

  beforeAll(async () => {
    api = await startApi({ ALLOWED_ORIGINS: 'https://board.kommun.example' })
    facilitator = await join(api.app, api.group(ROOM).invites.facilitator, 'Hedda')
  })
  afterAll(async () => {
    await api.close()
  })

  const createMeeting = (headers: Record<string, string>, body = '{"kind":"extra"}') =>
    api.app.request(`/api/rooms/${ROOM}/meetings`, {
      method: 'POST',
      headers: { cookie: facilitator.cookie, 'content-type': 'application/json', ...headers },
      body,
    })

  it('refuses a state-changing request from another origin with 403 JSON', async () => {
    const response = await createMeeting({ origin: SIBLING })
    expect(response.status).toBe(403)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await errorCode(response)).toBe('cross_origin')
    const leave = await api.app.request(`/api/rooms/${ROOM}/leave`, {
      method: 'POST',
      headers: { cookie: facilitator.cookie, origin: 'null' },
    })
    expect(leave.status).toBe(403)
    // The session was not ended by the forged leave.
    const session = await api.app.request(`/api/rooms/${ROOM}/session`, {
      headers: { cookie: facilitator.cookie },
    })
    expect(session.status).toBe(200)
  })

  it('refuses Sec-Fetch-Site: cross-site even without an Origin', async () => {
    const response = await createMeeting({ 'sec-fetch-site': 'cross-site' })
    expect(response.status).toBe(403)
  })

  it('lets through its own origin, PUBLIC_URL, ALLOWED_ORIGINS and clients without Origin', async () => {
    // app.request's URLs are http://localhost/…: that is the request's own origin here.
    for (const origin of [
      'http://localhost',
      'http://localhost:3000', // PUBLIC_URL
      'https://board.kommun.example',
    ]) {
      const response = await createMeeting({ origin, 'sec-fetch-site': 'same-origin' })
      expect(response.status, origin).toBe(201)
    }
    expect((await createMeeting({})).status).toBe(201)
    const listedOtherSite = await createMeeting({
      origin: 'https://board.kommun.example',
      'sec-fetch-site': 'cross-site',
    })
    expect(listedOtherSite.status).toBe(201)
  })

  it('refuses a body that is not declared as JSON (415): text/plain, forms', async () => {
    for (const type of [
      'text/plain',
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const response = await createMeeting({ 'content-type': type })
      expect(response.status, type).toBe(415)
      expect(await errorCode(response)).toBe('unsupported_media_type')
    }
    const join = await api.app.request('/api/join', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ invite: api.group(ROOM).invites.viewer, name: 'Sam' }),
    })
    expect(join.status).toBe(415)
    expect(join.headers.get('set-cookie')).toBeNull()
    // An empty form post carries a type too.
    const emptyForm = await api.app.request(`/api/rooms/${ROOM}/leave`, {
      method: 'POST',
      headers: {
        cookie: facilitator.cookie,
        'content-type': 'application/x-www-form-urlencoded',
      },
    })
    expect(emptyForm.status).toBe(415)
    // A bodiless POST (the client's leave) needs no type; JSON with a charset is JSON.
    expect(
      (await createMeeting({ 'content-type': 'application/json; charset=utf-8' })).status,
    ).toBe(201)
  })

  it('takes ?session= on the WebSocket upgrade only, never on an API route', async () => {
    const viewer = await join(api.app, api.group(ROOM).invites.viewer, 'Vera')
    const left = await api.app.request(`/api/rooms/${ROOM}/leave?session=${viewer.session}`, {
      method: 'POST',
    })
    expect(left.status).toBe(401)
    const read = await api.app.request(`/api/rooms/${ROOM}/session?session=${viewer.session}`)
    expect(read.status).toBe(401)
    const bearer = await api.app.request(`/api/rooms/${ROOM}/session`, {
      headers: { authorization: `Bearer ${viewer.session}` },
    })
    expect(bearer.status).toBe(200)
  })

  it('answers unknown /api routes with a JSON 404, never the client page', async () => {
    for (const [method, path] of [
      ['GET', '/api/nope'],
      ['GET', '/api'],
      ['GET', `/api/rooms/${ROOM}/nope`],
      ['DELETE', '/api/join'],
    ] as const) {
      const response = await api.app.request(path, { method })
      expect(response.status, `${method} ${path}`).toBe(404)
      expect(response.headers.get('content-type')).toMatch(/^application\/json/)
      expect(await errorCode(response)).toBe('not_found')
    }
  })

  it('still joins from the own origin with a JSON body', async () => {
    const response = await api.app.request(
      '/api/join',
      json(
        { invite: api.group(ROOM).invites.participant, name: 'Pia' },
        { origin: 'http://localhost' },
      ),
    )
    expect(response.status).toBe(200)
  })
})

/** How a raw upgrade with the given headers went: the HTTP status, or 101. */
function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers })
    socket.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0)
      socket.terminate()
    })
    socket.on('open', () => {
      resolve(101)
      socket.close()
    })
    socket.on('error', () => undefined)
  })
}

describe('the relay upgrade from other sites', () => {
  let database: ReturnType<typeof makeTempDatabase>
  let server: RunningServer
  let group: TestGroup
  let session: string

  beforeAll(async () => {
    database = makeTempDatabase()
    server = await startTestServer(database.url, { PUBLIC_URL: 'https://modellrummet.example' })
    group = await createTestGroup(server.services.db, server.services.invitations, 'grupp-o')
    session = await joinGroup(server.url, group.invites.participant, 'Anna')
  })
  afterAll(async () => {
    await server.close()
    database.remove()
  })

  it('refuses an upgrade whose Origin is another site (403), with a valid session', async () => {
    const url = `${server.url.replace(/^http/, 'ws')}/ws/${group.room}?session=${session}`
    expect(await upgradeStatus(url, { origin: SIBLING })).toBe(403)
    expect(await upgradeStatus(url, { origin: 'null' })).toBe(403)
    expect(await upgradeStatus(url, { origin: server.url })).toBe(101)
    expect(await upgradeStatus(url, { origin: 'https://modellrummet.example' })).toBe(101)
    expect(await upgradeStatus(url, {})).toBe(101) // Node clients send no Origin
  })

  it('reads ALLOWED_ORIGINS as origins and refuses what is not one', () => {
    expect(
      readConfig({ ALLOWED_ORIGINS: ' https://a.example/ , http://b.example:8080' }).allowedOrigins,
    ).toEqual(['https://a.example', 'http://b.example:8080'])
    expect(() => readConfig({ ALLOWED_ORIGINS: 'a.example' })).toThrow(/ALLOWED_ORIGINS/)
  })
})
