import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { makeRelayScheduler } from '../../../server/relay/relay-scheduler.ts'
import { createMemoryDocStore } from '../../../server/storage/memory-doc-store.ts'
import { makeRooms, TestMember, textInRoom, until } from './room-lifecycle-harness.ts'

const ROOM = 'paced'

/** Rooms whose relay scheduler runs on a clock the test moves. */
function roomsOnAClock() {
  const store = createMemoryDocStore()
  let clock = 0
  const relays = makeRelayScheduler({ sliceMs: 4, now: () => clock, onError: () => {} })
  const { rooms } = makeRooms(store, { relays })
  /** A frame read earlier in this turn that took the turn's whole slice. */
  const spendTheTurn = () => relays.runNowOrLater(() => (clock += 10))
  return { store, rooms, relays, spendTheTurn }
}

describe('frames read after a turn has spent its slice', () => {
  it('wait for the next turn, in order, and a connection that closed meanwhile keeps its edits', async () => {
    const { rooms, relays, spendTheTurn } = roomsOnAClock()
    const anna = new TestMember('anna')
    const bo = new TestMember('bo')
    const room = await anna.join(rooms, ROOM)
    await bo.join(rooms, ROOM)

    spendTheTurn()
    for (const key of ['h', 'e', 'j']) {
      for (const frame of anna.typing(key)) rooms.receive(room, anna.connection, frame)
    }
    rooms.leave(room, anna.connection) // her socket closed right after she typed
    expect(textInRoom(room, 'anna')).toBe('') // read, not handled yet
    expect(room.size).toBe(2) // she leaves after her frames are handled, not before

    await until(() => relays.pending() === 0 && room.size === 1, 'the frames, then the leave')
    expect(textInRoom(room, 'anna')).toBe('hej')
    await until(() => {
      bo.flush()
      return bo.textOf('anna') === 'hej'
    }, 'the relay to bo')
    await rooms.shutdown()
  })

  it('are handled and stored when the server shuts down before their turn', async () => {
    const { store, rooms, relays, spendTheTurn } = roomsOnAClock()
    const anna = new TestMember('anna')
    const room = await anna.join(rooms, ROOM)

    spendTheTurn()
    for (const frame of anna.typing('sparat')) rooms.receive(room, anna.connection, frame)
    expect(relays.pending()).toBeGreaterThan(0)
    await rooms.shutdown()

    const stored = await store.load(ROOM)
    const doc = new Y.Doc()
    for (const update of [stored.snapshot, ...stored.updates])
      if (update) Y.applyUpdate(doc, update)
    expect(doc.getMap('checklistComments').get('anna')?.toString()).toBe('sparat')
  })
})
