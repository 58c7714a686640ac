import { eq } from 'drizzle-orm'
import type * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents } from '../../../db/schema.ts'
import { loadDoc } from '../../../server/domain/doc-writer.ts'
import { readAgenda, readMatrix } from '../../../shared/workspace/index.ts'
import type { GroupWorkspaceResponse, MeetingSummary } from '../../../shared/api.ts'
import { errorCode, join, startApi, type ApiHarness, type Joined } from './harness.ts'

const ROOM = 'askersund-fagersta'

describe('meetings API', () => {
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

  const send = (who: Joined | null, method: string, path: string, body?: unknown) =>
    api.app.request(`/api/rooms/${ROOM}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(who ? { cookie: who.cookie } : {}) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })

  const storedDoc = (): Promise<Y.Doc> => loadDoc(api.services.store, ROOM)

  it('refuses participants and viewers (403) and anonymous callers (401)', async () => {
    const input = { kind: 'extra', title: 'Extraträff' }
    expect((await send(participant, 'POST', '/meetings', input)).status).toBe(403)
    expect((await send(viewer, 'POST', '/meetings', input)).status).toBe(403)
    const anonymous = await send(null, 'POST', '/meetings', input)
    expect(anonymous.status).toBe(401)
    expect(await errorCode(anonymous)).toBe('unauthenticated')
  })

  let created: MeetingSummary
  it('lets a facilitator create a meeting: next sequence, 201, structure in the Y.Doc', async () => {
    const response = await send(facilitator, 'POST', '/meetings', {
      kind: 'extra',
      title: 'Extra träff: könsuppdelad statistik',
      date: '2020-05-20',
      startTime: '13:00',
      durationMinutes: 120,
      hostOrganisationId: 'kommun-fagersta',
      videoLink: 'https://meet.example.se/askersund-fagersta',
    })
    expect(response.status).toBe(201)
    created = (await response.json()) as MeetingSummary
    expect(created).toMatchObject({
      kind: 'extra',
      title: 'Extra träff: könsuppdelad statistik',
      sequence: 6,
      date: '2020-05-20',
      startTime: '13:00',
      durationMinutes: 120,
      hostOrganisationId: 'kommun-fagersta',
      place: null,
      videoLink: 'https://meet.example.se/askersund-fagersta',
    })
    expect(created.id).toMatch(/^[A-Za-z0-9_-]+$/)

    const group = (await (await send(viewer, 'GET', '/group')).json()) as GroupWorkspaceResponse
    expect(group.meetings.map((m) => m.sequence)).toEqual([1, 2, 3, 4, 5, 6])
    expect(group.meetings.at(-1)?.id).toBe(created.id)

    // The new meeting's structure was created in the group's workspace by the server.
    const doc = await storedDoc()
    expect(readAgenda(doc, created.id).length).toBeGreaterThan(0)
    expect(readMatrix(doc, created.id).organisationIds).toContain('kommun-hedemora')

    const audit = await api.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.kind, 'meeting.created'))
    expect(audit).toHaveLength(1)
    expect(audit[0]?.participantId).toBe(facilitator.participantId)
    expect(audit[0]?.detail).toMatchObject({ meetingId: created.id })
  })

  it('patches a meeting and records it', async () => {
    const response = await send(facilitator, 'PATCH', `/meetings/${created.id}`, {
      date: '2020-05-27',
      place: 'Stadshuset, Fagersta',
      videoLink: null,
    })
    expect(response.status).toBe(200)
    const patched = (await response.json()) as MeetingSummary
    expect(patched).toMatchObject({
      id: created.id,
      date: '2020-05-27',
      place: 'Stadshuset, Fagersta',
      videoLink: null,
      title: 'Extra träff: könsuppdelad statistik',
      sequence: 6,
    })
    const audit = await api.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.kind, 'meeting.moved'))
    // A new date and place move the meeting (meeting-changes.test.ts has the rest).
    expect(audit.at(-1)?.detail).toMatchObject({ meetingId: created.id })
  })

  it('validates patches: bad date 400, foreign host 400, unknown meeting 404', async () => {
    const badDate = await send(facilitator, 'PATCH', `/meetings/${created.id}`, {
      date: '27 maj 2020',
    })
    expect(badDate.status).toBe(400)
    expect(await errorCode(badDate)).toBe('bad_request')

    const foreignHost = await send(facilitator, 'PATCH', `/meetings/${created.id}`, {
      hostOrganisationId: 'kommun-malmo',
    })
    expect(foreignHost.status).toBe(400)
    expect(await errorCode(foreignHost)).toBe('bad_request')

    const unknown = await send(facilitator, 'PATCH', '/meetings/no-such-meeting', {
      title: 'Finns inte',
    })
    expect(unknown.status).toBe(404)
    expect(await errorCode(unknown)).toBe('not_found')

    // Another group's meeting is unknown here too.
    const elsewhere = await send(facilitator, 'PATCH', '/meetings/botkyrka-vasteras-bm1', {
      title: 'Inte vår',
    })
    expect(elsewhere.status).toBe(404)
  })

  it('refuses invalid JSON, wrong shapes and a foreign host on creation (400)', async () => {
    const broken = await send(facilitator, 'POST', '/meetings', '{"kind": "bm1"')
    expect(broken.status).toBe(400)
    expect(await errorCode(broken)).toBe('invalid_json')
    const badKind = await send(facilitator, 'POST', '/meetings', { kind: 'fika' })
    expect(badKind.status).toBe(400)
    const badLink = await send(facilitator, 'POST', '/meetings', {
      kind: 'extra',
      videoLink: 'javascript:alert(1)',
    })
    expect(badLink.status).toBe(400)
    const foreignHost = await send(facilitator, 'POST', '/meetings', {
      kind: 'extra',
      hostOrganisationId: 'kommun-uppsala',
    })
    expect(foreignHost.status).toBe(400)
    const group = (await (await send(viewer, 'GET', '/group')).json()) as GroupWorkspaceResponse
    expect(group.meetings).toHaveLength(6)
  })

  it('refuses patches from participants (403)', async () => {
    const response = await send(participant, 'PATCH', `/meetings/${created.id}`, { title: 'x' })
    expect(response.status).toBe(403)
    expect(await errorCode(response)).toBe('forbidden')
  })
})
