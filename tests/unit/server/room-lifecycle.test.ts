import * as awarenessProtocol from 'y-protocols/awareness'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTurn } from '../../../server/next-turn.ts'
import { decodeAwarenessEntries } from '../../../server/relay/awareness-entries.ts'
import type { Room } from '../../../server/relay/room.ts'
import type { Rooms } from '../../../server/relay/rooms.ts'
import { encodeAwareness, parseMessage } from '../../../server/relay/protocol.ts'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'
import {
  makeFaultyStore,
  makeRooms,
  serverTypes,
  settle,
  TestMember,
  textInRoom,
  until,
} from './room-lifecycle-harness.ts'

const GRACE_MS = 1000
const ROOM = 'hedemora'

/**
 * The rooms' life (loading → live → draining → unloaded / failed) with fake connections on
 * the memory store. Grace periods run on fake timers; everything else (group commit,
 * compaction steps) on real I/O turns, so each step happens when the test says.
 */
describe('room lifecycle', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('a late close after a storage failure leaves the successor room alone', async () => {
    const faulty = makeFaultyStore()
    const { rooms } = makeRooms(faulty.store, { graceMs: GRACE_MS })
    const anna = new TestMember('anna')
    const failed = await anna.join(rooms, ROOM)
    faulty.faults.appends = true
    anna.type('skrivet när disken var full')
    await until(() => anna.closes.includes(CloseCode.InternalError), 'the room failing (1011)')
    faulty.faults.appends = false

    const bo = new TestMember('bo')
    const successor = await bo.join(rooms, ROOM)
    expect(successor).not.toBe(failed)
    anna.leave(rooms) // ws-connection.ts reports Anna's close only now
    vi.advanceTimersByTime(GRACE_MS * 3)
    await settle()

    // Before: the failed room's unload removed the successor, and the next member got a
    // third room: two live rooms for one name, members split between them.
    const cecilia = new TestMember('cecilia')
    expect(await cecilia.join(rooms, ROOM)).toBe(successor)
    expect(rooms.stats()).toEqual({ rooms: 1, connections: 2 })
    bo.type('hej')
    await until(() => (cecilia.flush(), cecilia.textOf('bo') === 'hej'), 'Bo’s edit at Cecilia')
  })

  it('a room acquired for an upgrade that never completes unloads after its grace', async () => {
    const faulty = makeFaultyStore()
    const { rooms } = makeRooms(faulty.store, { graceMs: GRACE_MS })
    await rooms.acquire(ROOM) // ws-upgrade.ts warms the room before the upgrade
    expect(rooms.stats().rooms).toBe(1)
    vi.advanceTimersByTime(GRACE_MS - 1)
    await settle()
    expect(rooms.stats().rooms).toBe(1)
    vi.advanceTimersByTime(1)
    await until(() => rooms.stats().rooms === 0, 'the unused room unloading')
  })

  it('an acquire while the room drains revives it: the warmed room is the one joined', async () => {
    const faulty = makeFaultyStore()
    const { rooms } = makeRooms(faulty.store, { graceMs: GRACE_MS })
    const anna = new TestMember('anna')
    await anna.join(rooms, ROOM)
    anna.type('a')
    await anna.room?.whenPersisted()
    const release = faulty.holdCompactions()
    anna.leave(rooms)
    vi.advanceTimersByTime(GRACE_MS)
    await until(() => faulty.compactions.started === 1, 'the drain compacting')
    expect(rooms.stateOf(ROOM)).toBe('draining')

    const warmed = await rooms.acquire(ROOM)
    expect(rooms.stateOf(ROOM)).toBe('live')
    release()
    await until(() => faulty.compactions.stored === 1, 'the compaction stored')
    await settle()
    // Before: the drain went on to unload the room it had just handed out.
    const bo = new TestMember('bo')
    expect(await bo.join(rooms, ROOM)).toBe(warmed)
    expect(textInRoom(warmed, 'anna')).toBe('a')
    expect(rooms.stats()).toEqual({ rooms: 1, connections: 1 })
  })

  it('a server change while the room drains keeps it loaded until the change is done', async () => {
    const faulty = makeFaultyStore()
    const { rooms } = makeRooms(faulty.store, { graceMs: GRACE_MS })
    const anna = new TestMember('anna')
    await anna.join(rooms, ROOM)
    anna.type('a')
    await anna.room?.whenPersisted()
    const release = faulty.holdCompactions()
    anna.leave(rooms)
    vi.advanceTimersByTime(GRACE_MS)
    await until(() => faulty.compactions.started === 1, 'the drain compacting')

    const changed = rooms.change(ROOM, serverTypes('anna', 'x'))
    release()
    await changed
    await settle()
    expect(rooms.stateOf(ROOM)).toBe('live')
    vi.advanceTimersByTime(GRACE_MS)
    await until(() => rooms.stateOf(ROOM) === 'unloaded', 'the unused room unloading')
    const bo = new TestMember('bo')
    expect(textInRoom(await bo.join(rooms, ROOM), 'anna')).toBe('xa')
  })

  it('revived and idle again while draining, it drains once more before unloading', async () => {
    const faulty = makeFaultyStore()
    const { rooms } = makeRooms(faulty.store, { graceMs: GRACE_MS })
    const anna = new TestMember('anna')
    await anna.join(rooms, ROOM)
    anna.type('a')
    await anna.room?.whenPersisted()
    const release = faulty.holdCompactions()
    anna.leave(rooms)
    vi.advanceTimersByTime(GRACE_MS)
    await until(() => faulty.compactions.started === 1, 'the first drain')

    const bo = new TestMember('bo')
    await bo.join(rooms, ROOM)
    bo.type('b')
    await bo.room?.whenPersisted()
    bo.leave(rooms)
    vi.advanceTimersByTime(GRACE_MS)
    await settle()
    expect(rooms.stateOf(ROOM)).toBe('draining')
    release()
    await until(() => rooms.stateOf(ROOM) === 'unloaded', 'the room unloading')
    const stored = await faulty.inner.load(ROOM)
    expect(stored.updates).toHaveLength(0) // Bo's edit is in the second snapshot
    expect(faulty.compactions.stored).toBe(2)
  })

  it('after a storage failure the next member gets the room reloaded with what was stored', async () => {
    const faulty = makeFaultyStore()
    const { rooms } = makeRooms(faulty.store, { graceMs: GRACE_MS })
    const anna = new TestMember('anna')
    const failed = await anna.join(rooms, ROOM)
    anna.type('sparat')
    await failed.whenPersisted()
    faulty.faults.appends = true
    anna.type(' förlorat')
    await until(() => anna.closes.includes(CloseCode.InternalError), 'the room failing (1011)')
    expect(rooms.stateOf(ROOM)).toBe('unloaded')
    expect(rooms.stats().rooms).toBe(0)
    faulty.faults.appends = false

    const bo = new TestMember('bo')
    const reloaded = await bo.join(rooms, ROOM)
    expect(reloaded).not.toBe(failed)
    expect(textInRoom(reloaded, 'anna')).toBe('sparat')
    expect(faulty.loads).toBe(2)
    anna.leave(rooms)
    expect(rooms.stats()).toEqual({ rooms: 1, connections: 1 })
  })

  it('a load that fails leaves nothing behind, and the next acquire loads again', async () => {
    const faulty = makeFaultyStore()
    const { rooms } = makeRooms(faulty.store, { graceMs: GRACE_MS })
    faulty.faults.loads = true
    await expect(rooms.acquire(ROOM)).rejects.toThrow('disk unreadable')
    expect(rooms.stateOf(ROOM)).toBe('unloaded')
    expect(rooms.stats().rooms).toBe(0)
    faulty.faults.loads = false
    const bo = new TestMember('bo')
    await bo.join(rooms, ROOM)
    expect(rooms.stats()).toEqual({ rooms: 1, connections: 1 })
  })

  /** Joins the member and has it announce itself (awareness), as a board does. */
  async function joinPresent(rooms: Rooms, member: TestMember): Promise<Room> {
    const room = await member.join(rooms, ROOM)
    const awareness = new awarenessProtocol.Awareness(member.doc)
    awareness.setLocalState({ cursor: null })
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [member.doc.clientID])
    room.message(member.connection, encodeAwareness(update))
    return room
  }
  const presenceUpdates = (member: TestMember): Uint8Array[] =>
    member.received.flatMap((frame) => {
      const message = parseMessage(frame)
      return message.type === 'awareness' ? [message.update] : []
    })

  it('shutdown does not tell the members it closes about each other leaving', async () => {
    const { rooms } = makeRooms(makeFaultyStore().store, { graceMs: GRACE_MS })
    const members = ['anna', 'bo', 'cia'].map((name) => new TestMember(name))
    for (const member of members) await joinPresent(rooms, member)
    const presenceFrames = (member: TestMember) => presenceUpdates(member).length
    const before = members.map(presenceFrames)
    expect(before.reduce((a, b) => a + b)).toBeGreaterThan(0)
    await rooms.shutdown()
    expect(members.map((member) => member.closes)).toEqual(members.map(() => [CloseCode.GoingAway]))
    expect(members.map(presenceFrames)).toEqual(before)
  })

  it('members announced in one turn reach each member in one frame, none its own back', async () => {
    const { rooms } = makeRooms(makeFaultyStore().store, { graceMs: GRACE_MS })
    const members = ['anna', 'bo', 'cia', 'dan'].map((name) => new TestMember(name))
    for (const member of members) await member.join(rooms, ROOM)
    const [quiet, ...announcing] = [members[3]!, ...members.slice(0, 3)]
    for (const member of announcing) {
      const awareness = new awarenessProtocol.Awareness(member.doc)
      awareness.setLocalState({ cursor: null })
      const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [member.doc.clientID])
      member.room!.message(member.connection, encodeAwareness(update)) // one socket read each
    }
    await nextTurn() // the relay scheduler's run: a microtask, or its check-phase run
    const ids = (member: TestMember) =>
      presenceUpdates(member).map((update) =>
        decodeAwarenessEntries(update)
          .map((entry) => entry.clientId)
          .sort(),
      )
    const clientIds = (of: TestMember[]) => of.map((member) => member.doc.clientID).sort()
    expect(ids(quiet)).toEqual([clientIds(announcing)])
    for (const member of announcing) {
      expect(ids(member)).toEqual([clientIds(announcing.filter((other) => other !== member))])
    }
    await rooms.shutdown()
  })

  it("a session's connections closed together leave the others' presence in one update", async () => {
    const { rooms } = makeRooms(makeFaultyStore().store, { graceMs: GRACE_MS })
    // Two tabs of one session (one participant), and another member who stays.
    const tabs = [new TestMember('anna'), new TestMember('anna')]
    const bo = new TestMember('bo')
    for (const member of [...tabs, bo]) await joinPresent(rooms, member)
    const room = bo.room!
    const before = presenceUpdates(bo).length
    expect(room.closeSession('session-anna', CloseCode.SessionExpired, 'ended')).toBe(2)
    // Presence changes leave with the relay scheduler: a microtask, or its check-phase run
    // when this turn has spent its slice already (a slow machine).
    await nextTurn()
    const told = presenceUpdates(bo).slice(before)
    expect(told).toHaveLength(1)
    const left = decodeAwarenessEntries(told[0]!)
    expect(left.map((entry) => entry.clientId).sort()).toEqual(
      tabs.map((tab) => tab.doc.clientID).sort(),
    )
    expect(left.every((entry) => entry.state === null)).toBe(true)
    expect([...room.presence.awareness.getStates().keys()]).toEqual([bo.doc.clientID])
    await rooms.shutdown()
  })

  it('shutdown closes members as going away and refuses new acquires', async () => {
    const faulty = makeFaultyStore()
    const { rooms } = makeRooms(faulty.store, { graceMs: GRACE_MS })
    const anna = new TestMember('anna')
    await anna.join(rooms, ROOM)
    anna.type('kvar')
    await rooms.shutdown()
    expect(anna.closes).toEqual([CloseCode.GoingAway])
    expect(rooms.stats().rooms).toBe(0)
    await expect(rooms.acquire(ROOM)).rejects.toThrow('shutting down')
    // Stored, and not folded on the way out (a restart's members should not wait for it).
    const stored = await faulty.inner.load(ROOM)
    expect(faulty.compactions.stored).toBe(0)
    const reloaded = makeRooms(faulty.store, { graceMs: GRACE_MS }).rooms
    expect(textInRoom(await reloaded.acquire(ROOM), 'anna')).toBe('kvar')
    expect(stored.updates.length).toBeGreaterThan(0)
    await reloaded.shutdown()
  })
})
