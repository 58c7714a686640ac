import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import type { RunningServer } from '../../../server/server.ts'
import type { HistoryListResponse } from '../../../shared/history-api.ts'
import {
  addAgendaItem,
  addMatrixQuestion,
  getMatrixAnswer,
  initialiseMeeting,
  readAgenda,
  readMatrix,
  removeMatrixQuestion,
  SCHEMA_VERSION,
  meta,
  pdsaPlansOf,
} from '../../../shared/workspace/index.ts'
import { connectClient, waitFor, waitForSync, type TestClient } from '../../helpers/clients.ts'
import { makeTempDatabase } from '../../helpers/database.ts'
import { createTestGroup, joinGroup, type TestGroup } from '../../helpers/fixtures.ts'
import { startTestServer } from '../../helpers/server.ts'

const ORGS = ['askersund', 'fagersta']

describe('restoring a version through the live room', () => {
  let database: ReturnType<typeof makeTempDatabase>
  let server: RunningServer
  let group: TestGroup
  const clients: TestClient[] = []
  let facilitatorSession = ''

  beforeEach(async () => {
    database = makeTempDatabase()
    server = await startTestServer(database.url)
    group = await createTestGroup(server.services.db, server.services.invitations, 'historik')
    await server.services.rooms.change(group.room, (doc) => {
      for (const meetingId of ['bm1', 'bm2'] as const)
        initialiseMeeting(doc, {
          meetingId,
          kind: meetingId,
          organisationIds: ORGS,
          checklistVersionId: 'skr-2019',
        })
    })
  })
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
    database.remove()
  })

  /** Anna leads (facilitator), Bo takes part: two real y-websocket clients. */
  async function connectBoth(): Promise<{ anna: TestClient; bo: TestClient }> {
    facilitatorSession = await joinGroup(server.url, group.invites.facilitator, 'Anna')
    const boSession = await joinGroup(server.url, group.invites.participant, 'Bo')
    const anna = connectClient(server.url, group.room, facilitatorSession)
    const bo = connectClient(server.url, group.room, boSession)
    clients.push(anna, bo)
    await Promise.all([waitForSync(anna), waitForSync(bo)])
    return { anna, bo }
  }

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}/api/rooms/${group.room}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${facilitatorSession}`,
        'content-type': 'application/json',
        ...init.headers,
      },
    })

  /** The version made now (what a compaction stores), as the history lists it. */
  async function versionNow(): Promise<string> {
    await server.services.rooms.keepVersion(group.room)
    const { versions } = (await (await api('/history')).json()) as HistoryListResponse
    return versions[0]!.id
  }

  const restore = async (versionId: string, scope: unknown) => {
    const response = await api(`/history/${versionId}/restore`, {
      method: 'POST',
      body: JSON.stringify({ scope }),
    })
    expect(response.status).toBe(200)
  }

  const questionTexts = (client: TestClient) =>
    readMatrix(client.doc, 'bm1').questions.map((q) => q.text)
  const agendaTitles = (client: TestClient, meetingId: string) =>
    readAgenda(client.doc, meetingId).map((item) => item.title)

  it('brings a deleted question back, answers and all, for both clients, keeping later edits elsewhere', async () => {
    const { anna, bo } = await connectBoth()
    const question = addMatrixQuestion(anna.doc, 'bm1', 'Hur mäter ni väntetider?')!
    getMatrixAnswer(anna.doc, 'bm1', question, 'askersund')!.insert(0, 'Varje vecka')
    await waitFor(() => questionTexts(bo).includes('Hur mäter ni väntetider?'), 5000, 'question')
    getMatrixAnswer(bo.doc, 'bm1', question, 'fagersta')!.insert(0, 'Aldrig')
    await waitFor(
      () => readMatrix(anna.doc, 'bm1').answers[question]?.fagersta === 'Aldrig',
      5000,
      'both answers',
    )
    const version = await versionNow()

    // Bo deletes the question; both go on working elsewhere.
    removeMatrixQuestion(bo.doc, 'bm1', question)
    addAgendaItem(anna.doc, 'bm1', { title: 'Fika', minutes: 10 })
    addAgendaItem(bo.doc, 'bm2', { title: 'Senare i BM2', minutes: 5 })
    await waitFor(
      () =>
        !questionTexts(anna).includes('Hur mäter ni väntetider?') &&
        agendaTitles(anna, 'bm2').includes('Senare i BM2') &&
        agendaTitles(bo, 'bm1').includes('Fika'),
      5000,
      'the deletion and the later edits',
    )

    await restore(version, { meetingId: 'bm1', part: 'matrix' })

    for (const client of [anna, bo]) {
      await waitFor(
        () => readMatrix(client.doc, 'bm1').answers[question]?.fagersta === 'Aldrig',
        5000,
        'the restored question',
      )
      expect(readMatrix(client.doc, 'bm1').answers[question]).toEqual({
        askersund: 'Varje vecka',
        fagersta: 'Aldrig',
      })
      expect(questionTexts(client)).toContain('Hur mäter ni väntetider?')
      expect(agendaTitles(client, 'bm1')).toContain('Fika')
      expect(agendaTitles(client, 'bm2')).toContain('Senare i BM2')
    }

    // The history says who was active, and the state before the restore is a version too.
    const { versions } = (await (await api('/history')).json()) as HistoryListResponse
    const restoredFrom = versions.find((v) => v.id === version)!
    expect(restoredFrom.authors.map((a) => a.displayName).sort()).toEqual(['Anna', 'Bo'])
    expect(versions.indexOf(restoredFrom)).toBeGreaterThan(0)
    expect(versions[0]!.authors.map((a) => a.displayName).sort()).toEqual(['Anna', 'Bo'])
  })

  it('restores one meeting and leaves another meeting’s later edits', async () => {
    const { anna, bo } = await connectBoth()
    const version = await versionNow()
    addAgendaItem(anna.doc, 'bm1', { title: 'Ångras sedan', minutes: 5 })
    addAgendaItem(bo.doc, 'bm2', { title: 'Stannar i BM2', minutes: 5 })
    await waitFor(
      () =>
        agendaTitles(bo, 'bm1').includes('Ångras sedan') &&
        agendaTitles(anna, 'bm2').includes('Stannar i BM2'),
      5000,
      'the later edits',
    )

    await restore(version, { meetingId: 'bm1' })

    for (const client of [anna, bo]) {
      await waitFor(
        () => !agendaTitles(client, 'bm1').includes('Ångras sedan'),
        5000,
        'bm1 as the version had it',
      )
      expect(agendaTitles(client, 'bm2')).toContain('Stannar i BM2')
    }
  })

  it('refuses to open a room whose document comes from a newer schema, and leaves it as stored', async () => {
    await server.services.rooms.change(group.room, (doc) =>
      meta(doc).set('schemaVersion', SCHEMA_VERSION + 1),
    )
    // The next load reads what is stored (the room unloads once unused).
    await waitFor(() => server.services.rooms.stateOf(group.room) === 'unloaded', 5000, 'unload')
    const stored = async () =>
      (
        await server.services.client.execute({
          sql: 'SELECT count(*) AS n FROM doc_updates WHERE room = ?',
          args: [group.room],
        })
      ).rows[0]!.n
    const before = await stored()
    facilitatorSession = await joinGroup(server.url, group.invites.facilitator, 'Anna')
    const status = await new Promise<number>((resolve) => {
      const url = `${server.url.replace(/^http/, 'ws')}/ws/${group.room}?session=${facilitatorSession}`
      const socket = new WebSocket(url)
      socket.on('unexpected-response', (_request, response) => {
        resolve(response.statusCode ?? 0)
        socket.terminate()
      })
      socket.on('open', () => (socket.close(), resolve(101)))
      socket.on('error', () => undefined)
    })
    expect(status).toBe(500)
    await expect(server.services.rooms.change(group.room, () => {})).rejects.toThrow(/schema/)
    expect(await stored()).toBe(before)
  })

  it('migrates an older document when its room loads, as a change every client receives', async () => {
    // A version 1 workspace as an older server stored it: a plan without its number.
    await server.services.rooms.change(group.room, (doc) => {
      meta(doc).set('schemaVersion', 1)
      const plan = new Y.Map<unknown>()
      plan.set('organisationId', 'askersund')
      plan.set('plannedAtMeetingId', 'bm1')
      plan.set('createdAt', 1)
      pdsaPlansOf(doc).set('gammal-plan', plan)
    })
    await waitFor(() => server.services.rooms.stateOf(group.room) === 'unloaded', 5000, 'unload')

    const { anna } = await connectBoth()

    await waitFor(() => meta(anna.doc).get('schemaVersion') === SCHEMA_VERSION, 5000, 'migrated')
    expect(pdsaPlansOf(anna.doc).get('gammal-plan')?.get('number')).toBe(1)
  })
})
