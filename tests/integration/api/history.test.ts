import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents } from '../../../db/schema.ts'
import type {
  HistoryListResponse,
  HistoryVersionResponse,
  RestoreResponse,
} from '../../../shared/history-api.ts'
import { addAgendaItem } from '../../../shared/workspace/index.ts'
import { errorCode, join, startApi, type ApiHarness, type Joined } from './harness.ts'

const ROOM = 'askersund-fagersta'
const OTHER = 'sodertalje-ostersund'
const MEETING = 'askersund-fagersta-bm1'

describe('version history API: who may list, read and restore', () => {
  let api: ApiHarness
  let facilitator: Joined
  let participant: Joined
  let viewer: Joined
  let elsewhere: Joined
  /** A version of this room, and one of the other group's room. */
  let version: string
  let foreignVersion: string

  beforeAll(async () => {
    api = await startApi()
    const group = api.group(ROOM)
    facilitator = await join(api.app, group.invites.facilitator, 'Hedda Mentor')
    participant = await join(api.app, group.invites.participant, 'Anders Askersund')
    viewer = await join(api.app, group.invites.viewer, 'Vera Åhörare')
    elsewhere = await join(api.app, api.group(OTHER).invites.facilitator, 'Sam Annanstans')
    for (const room of [ROOM, OTHER]) {
      await api.services.rooms.change(room, (doc) =>
        addAgendaItem(doc, `${room}-bm1`, { title: 'Versionspunkt', minutes: 5 }),
      )
      await api.services.rooms.keepVersion(room)
    }
    const newest = async (room: string) =>
      (await api.services.store.listSnapshots(room)).sort((a, b) => b.id - a.id)[0]!.id
    version = String(await newest(ROOM))
    foreignVersion = String(await newest(OTHER))
  })
  afterAll(async () => {
    await api.close()
  })

  const call = (who: Joined | null, method: string, path: string, body?: unknown) =>
    api.app.request(`/api/rooms/${ROOM}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(who === elsewhere ? { authorization: `Bearer ${who.session}` } : {}),
        ...(who && who !== elsewhere ? { cookie: who.cookie } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  const restore = (who: Joined | null, id: string, scope: unknown) =>
    call(who, 'POST', `/history/${id}/restore`, { scope })
  const messageOf = async (response: Response): Promise<string> =>
    ((await response.json()) as { error: { message: string } }).error.message

  it('answers 401 without a session and 403 with another group’s, on every route', async () => {
    for (const who of [null, elsewhere]) {
      const expected = who ? 403 : 401
      expect((await call(who, 'GET', '/history')).status).toBe(expected)
      expect((await call(who, 'GET', `/history/${version}`)).status).toBe(expected)
      expect((await restore(who, version, 'workspace')).status).toBe(expected)
    }
  })

  it('lets facilitators and participants list and read, not viewers', async () => {
    for (const who of [facilitator, participant]) {
      const list = await call(who, 'GET', '/history')
      expect(list.status).toBe(200)
      const { versions } = (await list.json()) as HistoryListResponse
      expect(versions.map((v) => v.id)).toContain(version)
      const read = await call(who, 'GET', `/history/${version}`)
      expect(read.status).toBe(200)
      const body = (await read.json()) as HistoryVersionResponse
      const meeting = body.meetings.find((m) => m.id === MEETING)
      expect(meeting?.agenda.map((item) => item.title)).toContain('Versionspunkt')
    }
    expect((await call(viewer, 'GET', '/history')).status).toBe(403)
    expect((await call(viewer, 'GET', `/history/${version}`)).status).toBe(403)
  })

  it('lets only facilitators restore, and audits it', async () => {
    expect((await restore(participant, version, 'workspace')).status).toBe(403)
    expect((await restore(viewer, version, 'workspace')).status).toBe(403)
    const response = await restore(facilitator, version, { meetingId: MEETING, part: 'agenda' })
    expect(response.status).toBe(200)
    const body = (await response.json()) as RestoreResponse
    expect(body).toMatchObject({
      versionId: version,
      scope: { meetingId: MEETING, part: 'agenda' },
    })
    const audited = await api.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.kind, 'history.restored'))
    expect(audited).toHaveLength(1)
    expect(audited[0]).toMatchObject({ participantId: facilitator.participantId })
  })

  it('lets only facilitators keep a version now', async () => {
    expect((await call(participant, 'POST', '/history', {})).status).toBe(403)
    expect((await call(viewer, 'POST', '/history', {})).status).toBe(403)
    await api.services.rooms.change(ROOM, (doc) =>
      addAgendaItem(doc, MEETING, { title: 'Sparas nu', minutes: 5 }),
    )
    const kept = await call(facilitator, 'POST', '/history', {})
    expect(kept.status).toBe(201)
    const { version: newest } = (await kept.json()) as { version: { id: string } }
    expect(Number(newest.id)).toBeGreaterThan(Number(version))
    const read = (await (
      await call(facilitator, 'GET', `/history/${newest.id}`)
    ).json()) as HistoryVersionResponse
    const meeting = read.meetings.find((m) => m.id === MEETING)
    expect(meeting?.agenda.map((item) => item.title)).toContain('Sparas nu')
  })

  it('answers 404 for an unknown version, another room’s version and a meeting it lacks', async () => {
    const unknown = await call(facilitator, 'GET', '/history/987654')
    expect(unknown.status).toBe(404)
    expect(await messageOf(unknown)).toMatch(/versionId/)
    expect((await call(facilitator, 'GET', `/history/${foreignVersion}`)).status).toBe(404)
    expect((await restore(facilitator, foreignVersion, 'workspace')).status).toBe(404)
    const lacking = await restore(facilitator, version, { meetingId: 'no-such-meeting' })
    expect(lacking.status).toBe(404)
    expect(await messageOf(lacking)).toMatch(/scope\.meetingId/)
  })

  it('refuses (409) restoring a checklist, a meeting or the workspace while a sealed scoring round is open', async () => {
    const opened = await call(facilitator, 'POST', `/meetings/${MEETING}/scoring`)
    expect(opened.status).toBe(201)
    const { roundId } = (await opened.json()) as { roundId: string }
    for (const scope of [{ meetingId: MEETING, part: 'checklist' }, { meetingId: MEETING }]) {
      const refused = await restore(facilitator, version, scope)
      expect(refused.status).toBe(409)
      expect(await messageOf(refused)).toMatch(/sealed scoring round is open for this meeting/)
    }
    const whole = await restore(facilitator, version, 'workspace')
    expect(whole.status).toBe(409)
    expect(await messageOf(whole)).toMatch(/reveal it before restoring the whole workspace/)
    // Other parts of that meeting, and another meeting's checklist, are not sealed.
    expect(
      (await restore(facilitator, version, { meetingId: MEETING, part: 'agenda' })).status,
    ).toBe(200)
    const other = `${ROOM}-uppstart`
    expect(
      (await restore(facilitator, version, { meetingId: other, part: 'checklist' })).status,
    ).toBe(200)
    // Revealed, the checklist can be restored again.
    expect((await call(facilitator, 'POST', `/scoring/${roundId}/reveal`)).status).toBe(200)
    expect(
      (await restore(facilitator, version, { meetingId: MEETING, part: 'checklist' })).status,
    ).toBe(200)
  })

  it('answers 400 naming the field for a malformed id or scope', async () => {
    const badId = await call(facilitator, 'GET', '/history/abc')
    expect(badId.status).toBe(400)
    expect(await messageOf(badId)).toMatch(/versionId/)
    for (const scope of [{ meetingId: MEETING, part: 'notes' }, 'everything', undefined]) {
      const response = await restore(facilitator, version, scope)
      expect(response.status).toBe(400)
      expect(await errorCode(response.clone())).toBe('bad_request')
      expect(await messageOf(response)).toMatch(/scope/)
    }
  })
})
