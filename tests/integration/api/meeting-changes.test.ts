import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, meetings } from '../../../db/schema.ts'
import { loadDoc } from '../../../server/domain/doc-writer.ts'
import type {
  GroupWorkspaceResponse,
  MeetingListResponse,
  MeetingSummary,
} from '../../../shared/api.ts'
import { readAgenda } from '../../../shared/workspace/index.ts'
import { errorCode, join, startApi, type ApiHarness, type Joined } from './harness.ts'

const ROOM = 'askersund-fagersta'
const OTHER = 'sodertalje-ostersund'
/** A meeting of another group of the demo round. */
const FOREIGN_MEETING = 'botkyrka-vasteras-bm1'

describe('meetings: edit, move, archive, delete and order (facilitators)', () => {
  let api: ApiHarness
  let facilitator: Joined
  let participant: Joined
  let viewer: Joined
  let elsewhere: Joined

  beforeAll(async () => {
    api = await startApi()
    const group = api.group(ROOM)
    facilitator = await join(api.app, group.invites.facilitator, 'Hedda Mentor')
    participant = await join(api.app, group.invites.participant, 'Anders Askersund')
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

  const listed = async (): Promise<MeetingSummary[]> =>
    ((await (await call(viewer, 'GET', '/group')).json()) as GroupWorkspaceResponse).meetings

  const audited = (kind: string) =>
    api.database.db.select().from(auditEvents).where(eq(auditEvents.kind, kind))

  const messageOf = async (response: Response): Promise<string> =>
    ((await response.json()) as { error: { message: string } }).error.message

  /** An extra meeting made for one test, so the tests do not lean on each other. */
  const extra = async (title: string): Promise<MeetingSummary> => {
    const response = await call(facilitator, 'POST', '/meetings', { kind: 'extra', title })
    expect(response.status).toBe(201)
    return (await response.json()) as MeetingSummary
  }

  it('refuses anonymous callers (401), participants, viewers and other groups’ facilitators (403)', async () => {
    const target = await extra('Ska stå kvar')
    const before = await listed()
    const routes: [string, string, unknown?][] = [
      ['PATCH', `/meetings/${target.id}`, { date: '2030-01-01' }],
      ['POST', `/meetings/${target.id}/archive`],
      ['POST', `/meetings/${target.id}/unarchive`],
      ['DELETE', `/meetings/${target.id}`],
      ['POST', `/meetings/${target.id}/undelete`],
      ['PUT', '/meetings/order', { meetingIds: before.map((m) => m.id).reverse() }],
    ]
    for (const [method, path, body] of routes) {
      expect((await call(null, method, path, body)).status, `${method} ${path}`).toBe(401)
      for (const who of [participant, viewer, elsewhere]) {
        const refused = await call(who, method, path, body)
        expect(refused.status, `${method} ${path}`).toBe(403)
        expect(await errorCode(refused)).toBe('forbidden')
      }
    }
    // None of the refused calls changed anything.
    expect(await listed()).toEqual(before)
  })

  it('answers 404 for another group’s meeting and leaves it alone', async () => {
    for (const [method, path, body] of [
      ['PATCH', `/meetings/${FOREIGN_MEETING}`, { title: 'Inte vår' }],
      ['POST', `/meetings/${FOREIGN_MEETING}/archive`],
      ['POST', `/meetings/${FOREIGN_MEETING}/unarchive`],
      ['DELETE', `/meetings/${FOREIGN_MEETING}`],
      ['POST', `/meetings/${FOREIGN_MEETING}/undelete`],
    ] as const) {
      const response = await call(facilitator, method, path, body)
      expect(response.status, `${method} ${path}`).toBe(404)
      expect(await errorCode(response)).toBe('not_found')
    }
    const [row] = await api.database.db
      .select()
      .from(meetings)
      .where(eq(meetings.id, FOREIGN_MEETING))
    expect(row).toMatchObject({ title: null, archivedAt: null, deletedAt: null })
  })

  it('answers 400 naming the field for bad input', async () => {
    const target = await extra('Fel indata')
    const cases: [string, string, unknown, string][] = [
      ['PATCH', `/meetings/${target.id}`, { date: '20 maj' }, 'date'],
      ['PATCH', `/meetings/${target.id}`, { startTime: '25:00' }, 'startTime'],
      [
        'PATCH',
        `/meetings/${target.id}`,
        { hostOrganisationId: 'kommun-malmo' },
        'hostOrganisationId',
      ],
      ['PATCH', `/meetings/${target.id}`, { videoLink: 'javascript:alert(1)' }, 'videoLink'],
      ['PUT', '/meetings/order', { meetingIds: [target.id, target.id] }, 'meetingIds'],
      ['PUT', '/meetings/order', { meetingIds: 'alla' }, 'meetingIds'],
      ['PUT', '/meetings/order', {}, 'meetingIds'],
    ]
    for (const [method, path, body, field] of cases) {
      const response = await call(facilitator, method, path, body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(await messageOf(response)).toMatch(new RegExp(`^${field}\\b`))
    }
  })

  it('records a change of when or where as meeting.moved, of anything else as meeting.updated', async () => {
    const target = await extra('Flyttas')
    const moved = await call(facilitator, 'PATCH', `/meetings/${target.id}`, {
      date: '2030-03-12',
      startTime: '09:30',
      place: 'Kulturhuset',
    })
    expect(moved.status).toBe(200)
    expect(await moved.json()).toMatchObject({ date: '2030-03-12', startTime: '09:30' })
    const movedEvent = (await audited('meeting.moved')).find(
      (e) => (e.detail as { meetingId?: string }).meetingId === target.id,
    )
    expect(movedEvent?.participantId).toBe(facilitator.participantId)
    expect(movedEvent?.detail).toMatchObject({
      from: { date: null, startTime: null, place: null },
      to: { date: '2030-03-12', startTime: '09:30', place: 'Kulturhuset' },
    })

    expect(
      (await call(facilitator, 'PATCH', `/meetings/${target.id}`, { title: 'Ny titel' })).status,
    ).toBe(200)
    const updated = (await audited('meeting.updated')).filter(
      (e) => (e.detail as { meetingId?: string }).meetingId === target.id,
    )
    expect(updated).toHaveLength(1)
    expect(updated[0]?.detail).toMatchObject({ fields: ['title'] })
  })

  it('archives a meeting (still listed, marked) and restores it', async () => {
    const target = await extra('Arkiveras')
    const archived = await call(facilitator, 'POST', `/meetings/${target.id}/archive`)
    expect(archived.status).toBe(200)
    const body = (await archived.json()) as MeetingSummary
    expect(body.archivedAt).toEqual(expect.any(String))
    expect((await listed()).find((m) => m.id === target.id)?.archivedAt).toBe(body.archivedAt)
    expect((await audited('meeting.archived')).at(-1)?.detail).toMatchObject({
      meetingId: target.id,
    })

    const restored = await call(facilitator, 'POST', `/meetings/${target.id}/unarchive`)
    expect(restored.status).toBe(200)
    expect((await listed()).find((m) => m.id === target.id)?.archivedAt).toBeNull()
  })

  it('deletes a meeting: gone from every route, the row and its workspace content kept', async () => {
    const target = await extra('Råkade skapas')
    const deleted = await call(facilitator, 'DELETE', `/meetings/${target.id}`)
    expect(deleted.status).toBe(200)
    expect((await listed()).map((m) => m.id)).not.toContain(target.id)
    // Not served any more: editing, archiving or deleting it again is a 404.
    expect(
      (await call(facilitator, 'PATCH', `/meetings/${target.id}`, { title: 'x' })).status,
    ).toBe(404)
    expect((await call(facilitator, 'POST', `/meetings/${target.id}/archive`)).status).toBe(404)
    expect((await call(facilitator, 'DELETE', `/meetings/${target.id}`)).status).toBe(404)

    const [row] = await api.database.db
      .select()
      .from(meetings)
      .where(and(eq(meetings.id, target.id)))
    expect(row?.deletedAt).toBeInstanceOf(Date)
    // Nor in the round lead's view of the group.
    const { cohort, group } = (await (
      await call(viewer, 'GET', '/group')
    ).json()) as GroupWorkspaceResponse
    const seen = await api.services.roundLead.view.group(cohort.id, group.id)
    expect(seen?.meetings.map((m) => m.id)).not.toContain(target.id)
    expect(seen?.meetings.length).toBeGreaterThan(0)
    const doc = await loadDoc(api.services.store, ROOM)
    expect(readAgenda(doc, target.id).length).toBeGreaterThan(0)
    const event = (await audited('meeting.deleted')).at(-1)
    expect(event?.participantId).toBe(facilitator.participantId)
    expect(event?.detail).toMatchObject({ meetingId: target.id, title: 'Råkade skapas' })
  })

  it('brings a deleted meeting back (Ångra): listed again with its agenda, audited', async () => {
    const target = await extra('Togs bort av misstag')
    const agenda = readAgenda(await loadDoc(api.services.store, ROOM), target.id)
    expect(agenda.length).toBeGreaterThan(0)
    expect((await call(facilitator, 'DELETE', `/meetings/${target.id}`)).status).toBe(200)
    for (const who of [null, participant, viewer, elsewhere]) {
      const refused = await call(who, 'POST', `/meetings/${target.id}/undelete`)
      expect(refused.status).toBe(who ? 403 : 401)
    }
    expect((await listed()).map((m) => m.id)).not.toContain(target.id)

    // (Told live to the group's pages: tests/integration/scale-out/group-changes.test.ts.)
    const undone = await call(facilitator, 'POST', `/meetings/${target.id}/undelete`)
    expect(undone.status).toBe(200)
    expect(await undone.json()).toMatchObject({ id: target.id, title: 'Togs bort av misstag' })
    const back = (await listed()).find((m) => m.id === target.id)
    expect(back).toMatchObject({ title: 'Togs bort av misstag', sequence: target.sequence })
    // Its board is whole: the agenda it had, and the meeting's routes serve it again.
    expect(readAgenda(await loadDoc(api.services.store, ROOM), target.id)).toEqual(agenda)
    expect(
      (await call(facilitator, 'PATCH', `/meetings/${target.id}`, { place: 'Aulan' })).status,
    ).toBe(200)
    const [row] = await api.database.db.select().from(meetings).where(eq(meetings.id, target.id))
    expect(row?.deletedAt).toBeNull()
    const event = (await audited('meeting.restored')).at(-1)
    expect(event?.participantId).toBe(facilitator.participantId)
    expect(event?.detail).toMatchObject({ meetingId: target.id, title: 'Togs bort av misstag' })

    // Only once: a meeting that is not deleted (any more, or ever) is a 404.
    const again = await call(facilitator, 'POST', `/meetings/${target.id}/undelete`)
    expect(again.status).toBe(404)
    expect(await errorCode(again)).toBe('not_found')
    expect(
      (await audited('meeting.restored')).filter((e) => e.detail?.meetingId === target.id),
    ).toHaveLength(1)
  })

  it('does not bring back another group’s deleted meeting (404)', async () => {
    const other = api.group(OTHER)
    const made = await api.app.request(`/api/rooms/${other.room}/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: elsewhere.cookie },
      body: JSON.stringify({ kind: 'extra', title: 'Deras' }),
    })
    expect(made.status).toBe(201)
    const theirs = (await made.json()) as MeetingSummary
    const deleted = await api.app.request(`/api/rooms/${other.room}/meetings/${theirs.id}`, {
      method: 'DELETE',
      headers: { cookie: elsewhere.cookie },
    })
    expect(deleted.status).toBe(200)
    const response = await call(facilitator, 'POST', `/meetings/${theirs.id}/undelete`)
    expect(response.status).toBe(404)
    expect(await errorCode(response)).toBe('not_found')
    const [row] = await api.database.db.select().from(meetings).where(eq(meetings.id, theirs.id))
    expect(row?.deletedAt).toBeInstanceOf(Date)
  })

  it('orders the group’s meetings, and refuses an order read before another change (409)', async () => {
    const before = await listed()
    const wanted = [...before.map((m) => m.id)].reverse()
    const response = await call(facilitator, 'PUT', '/meetings/order', { meetingIds: wanted })
    expect(response.status).toBe(200)
    const { meetings: ordered } = (await response.json()) as MeetingListResponse
    expect(ordered.map((m) => m.id)).toEqual(wanted)
    expect((await listed()).map((m) => m.id)).toEqual(wanted)
    expect((await listed()).map((m) => m.sequence)).toEqual(wanted.map((_, i) => i + 1))
    expect((await audited('meeting.moved')).at(-1)?.detail).toMatchObject({
      order: wanted,
      previous: before.map((m) => m.id),
    })

    // A meeting added meanwhile: the stale list is refused, nothing is half applied.
    await extra('Kom till under tiden')
    const stale = await call(facilitator, 'PUT', '/meetings/order', {
      meetingIds: before.map((m) => m.id),
    })
    expect(stale.status).toBe(409)
    expect((await listed()).slice(0, wanted.length).map((m) => m.id)).toEqual(wanted)
    // A meeting of another group is not one of ours either.
    const foreign = await call(facilitator, 'PUT', '/meetings/order', {
      meetingIds: [...wanted.slice(1), FOREIGN_MEETING],
    })
    expect(foreign.status).toBe(409)
  })
})
