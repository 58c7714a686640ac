import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { makeCommitPacing } from '../../../server/storage/commit-pacing.ts'
import type { DocStore } from '../../../server/storage/doc-store.ts'
import { createGroupCommit } from '../../../server/storage/group-commit.ts'
import { createMemoryDocStore } from '../../../server/storage/memory-doc-store.ts'
import { makeRooms, settle, TestMember, until } from './room-lifecycle-harness.ts'

const ROOM = 'avesta'

/** A stored room whose snapshot holds `bytes` of text (someone's long comment). */
async function storedRoom(store: DocStore, bytes: number): Promise<void> {
  const doc = new Y.Doc()
  const captured: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => captured.push(update))
  doc.getMap('checklistComments').set('long', new Y.Text('x'.repeat(bytes)))
  const [id] = await store.append([{ room: ROOM, update: captured[0]! }])
  await store.compact(ROOM, Y.encodeStateAsUpdate(doc), id!)
}

/** Types one character per update, each committed before the next. */
async function typeOneByOne(member: TestMember, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    member.type('k')
    await member.room?.whenPersisted()
  }
  await settle()
}

describe('room lifecycle: compaction and version history', () => {
  it('a large room is not snapshotted again for a handful of one-key edits', async () => {
    const store = createMemoryDocStore()
    await storedRoom(store, 1024 * 1024)
    const { rooms } = makeRooms(store, { compactAfterUpdates: 5 })
    const anna = new TestMember('anna')
    await anna.join(rooms, ROOM)

    // Before: a new 1 MB snapshot every 5 edits (twelve here).
    await typeOneByOne(anna, 60)
    expect(await store.listSnapshots(ROOM)).toHaveLength(1)

    // Once the log weighs a tenth of the snapshot (~100 such edits), it is folded as before.
    await typeOneByOne(anna, 60)
    expect(await store.listSnapshots(ROOM)).toHaveLength(2)
    const stored = await store.load(ROOM)
    expect(stored.updates.length).toBeLessThan(60)
    expect(stored.updates).toHaveLength(anna.room?.updatesSinceSnapshot ?? -1)
  })

  it('leaves folded rows while the server is busy, for the next quiet compaction to drop', async () => {
    const inner = createMemoryDocStore()
    const pruned: number[] = []
    const store: DocStore = {
      ...inner,
      prune: async (room, upto, limit) => {
        const dropped = await inner.prune(room, upto, limit)
        pruned.push(dropped)
        return dropped
      },
    }
    let clock = 0
    // Busy from two updates within a quarter of a second; no commit waits (no window).
    const pacing = makeCommitPacing({ windowMs: 0, busyPerSecond: 8, now: () => clock })
    const commit = createGroupCommit(store, pacing)
    const { rooms } = makeRooms(store, { commit, compactAfterUpdates: 5 })
    const anna = new TestMember('anna')
    await anna.join(rooms, ROOM)

    await typeOneByOne(anna, 10) // all at once: busy
    const folded = (await store.listSnapshots(ROOM)).length
    expect(folded).toBeGreaterThan(0)
    expect(pruned).toEqual([])

    for (let i = 0; i < 10; i += 1) {
      clock += 1000 // one a second: quiet
      await typeOneByOne(anna, 1)
    }
    expect((await store.listSnapshots(ROOM)).length).toBeGreaterThan(folded)
    // A quiet compaction dropped the busy ones' rows too (the log's newest row stays).
    expect(pruned.reduce((sum, n) => sum + n, 0)).toBeGreaterThanOrEqual(10)
  })

  it('keeps the history within its byte bound, the newest snapshot always', async () => {
    const store = createMemoryDocStore()
    await storedRoom(store, 10_000)
    const { rooms } = makeRooms(store, { compactAfterUpdates: 1, maxHistoryBytes: 25_000 })
    const anna = new TestMember('anna')
    const room = await anna.join(rooms, ROOM)
    for (let round = 0; round < 8; round += 1) await typeOneByOne(anna, 1)

    const history = await store.listSnapshots(ROOM)
    // Before: all nine snapshots stayed.
    expect(history.reduce((sum, s) => sum + s.bytes, 0)).toBeLessThanOrEqual(25_000)
    expect(history.length).toBeGreaterThanOrEqual(1)
    expect(Math.max(...history.map((s) => s.uptoUpdateId))).toBe(room.lastUpdateId)
    const reloaded = new Y.Doc()
    const stored = await store.load(ROOM)
    Y.applyUpdate(reloaded, stored.snapshot!)
    expect(reloaded.getMap('checklistComments').get('anna')?.toString()).toBe('kkkkkkkk')
  })

  it('repairs a room poisoned by stored updates on load and compacts it at once', async () => {
    const store = createMemoryDocStore()
    // An update whose predecessor was never stored (pending structs) ...
    const writer = new Y.Doc()
    const written: Uint8Array[] = []
    writer.on('update', (update: Uint8Array) => written.push(update))
    writer.getMap('checklistComments').set('k', new Y.Text('a'))
    ;(writer.getMap('checklistComments').get('k') as Y.Text).insert(1, 'b')
    // ... and a deletion of content the room never had (a pending delete set).
    const deleter = new Y.Doc()
    const deletions: Uint8Array[] = []
    deleter.getMap('checklistComments').set('d', new Y.Text('zzz'))
    deleter.on('update', (update: Uint8Array) => deletions.push(update))
    deleter.getMap('checklistComments').delete('d')
    await store.append([
      { room: ROOM, update: written[1]! },
      { room: ROOM, update: deletions[0]! },
    ])

    const { rooms } = makeRooms(store)
    const room = await rooms.acquire(ROOM)
    // Before: both stayed pending, re-applied on every later update.
    expect(room.doc.store.pendingStructs).toBeNull()
    expect(room.doc.store.pendingDs).toBeNull()
    await until(() => room.updatesSinceSnapshot === 0, 'the repaired room compacted')
    await settle()

    const stored = await store.load(ROOM)
    expect(stored.updates).toHaveLength(0)
    const reloaded = new Y.Doc()
    Y.applyUpdate(reloaded, stored.snapshot!)
    expect(reloaded.store.pendingStructs).toBeNull()
    expect(reloaded.store.pendingDs).toBeNull()
  })
})
