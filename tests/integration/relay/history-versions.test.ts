import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { RunningServer } from '../../../server/server.ts'
import { addAgendaItem, initialiseMeeting, readAgenda } from '../../../shared/workspace/index.ts'
import { loadDoc } from '../../../server/domain/doc-writer.ts'
import {
  connectClient,
  sleep,
  waitFor,
  waitForSync,
  type TestClient,
} from '../../helpers/clients.ts'
import { makeTempDatabase } from '../../helpers/database.ts'
import { createTestGroup, joinGroup, type TestGroup } from '../../helpers/fixtures.ts'
import { startTestServer } from '../../helpers/server.ts'

const INTERVAL_MS = 400

/**
 * Versions while a room stays open (issue 13): a meeting's room can be edited for hours
 * with a log too light to fold (COMPACT_AFTER_UPDATES), so the history would hold nothing
 * between its load and its unload. With HISTORY_VERSION_INTERVAL_MS a version is kept
 * after that long of editing, through the relay's own compaction, while members stay
 * connected.
 */
describe('automatic versions of an open room', () => {
  let database: ReturnType<typeof makeTempDatabase>
  let server: RunningServer
  let group: TestGroup
  let client: TestClient

  beforeEach(async () => {
    database = makeTempDatabase()
    server = await startTestServer(database.url, {
      HISTORY_VERSION_INTERVAL_MS: String(INTERVAL_MS),
      ROOM_GRACE_MS: '60000',
    })
    group = await createTestGroup(server.services.db, server.services.invitations, 'versioner')
    await server.services.rooms.change(group.room, (doc) =>
      initialiseMeeting(doc, {
        meetingId: 'bm1',
        kind: 'bm1',
        organisationIds: ['askersund', 'fagersta'],
        checklistVersionId: 'skr-2019',
      }),
    )
    const session = await joinGroup(server.url, group.invites.facilitator, 'Anna')
    client = connectClient(server.url, group.room, session)
    await waitForSync(client)
  })
  afterEach(async () => {
    client.destroy()
    await server.close()
    database.remove()
  })

  const versions = () => server.services.store.listSnapshots(group.room)
  const titlesIn = (doc: Y.Doc) => readAgenda(doc, 'bm1').map((item) => item.title)

  it('keeps a version after each interval of editing, and none while nobody edits', async () => {
    const before = (await versions()).length
    // A few edits a second for well over two intervals: far from COMPACT_AFTER_UPDATES.
    const end = Date.now() + INTERVAL_MS * 3
    let n = 0
    while (Date.now() < end) {
      addAgendaItem(client.doc, 'bm1', { title: `Punkt ${++n}`, minutes: 5 })
      await sleep(50)
    }
    let kept = 0
    await waitFor(
      () => {
        void versions().then((list) => (kept = list.length - before))
        return kept >= 2
      },
      5000,
      'two versions kept while the room is open',
    )
    expect(server.services.rooms.stateOf(group.room)).toBe('live')
    // Each version is a point of the editing: the newest holds an edit the first lacks.
    const list = await versions()
    const first = await server.services.store.readSnapshot(group.room, list[before]!.id)
    const newest = await server.services.store.readSnapshot(group.room, list.at(-1)!.id)
    const docOf = (bytes: Uint8Array) => {
      const doc = new Y.Doc()
      Y.applyUpdate(doc, bytes)
      return doc
    }
    expect(titlesIn(docOf(newest!)).length).toBeGreaterThan(titlesIn(docOf(first!)).length)

    // Quiet: no version without edits, however long the room stays open.
    const settled = (await versions()).length
    await sleep(INTERVAL_MS * 2)
    expect((await versions()).length).toBe(settled)
    const stored = await loadDoc(server.services.store, group.room)
    expect(titlesIn(stored)).toContain(`Punkt ${n}`)
  })
})
