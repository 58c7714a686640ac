import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { encodeSyncStep1, parseMessage } from '../../../server/relay/protocol.ts'
import { makeRelayScheduler } from '../../../server/relay/relay-scheduler.ts'
import type { DocStore } from '../../../server/storage/doc-store.ts'
import { createMemoryDocStore } from '../../../server/storage/memory-doc-store.ts'
import { makeRooms, TestMember, until } from './room-lifecycle-harness.ts'

const ROOM = 'answers'

/** Rooms whose relay scheduler runs on a clock the test moves. */
function roomsOnAClock() {
  const inner = createMemoryDocStore()
  const counts = { committed: 0 }
  const store: DocStore = {
    ...inner,
    async append(entries) {
      const ids = await inner.append(entries)
      counts.committed += entries.length
      return ids
    },
  }
  let clock = 0
  const relays = makeRelayScheduler({ sliceMs: 4, now: () => clock, onError: () => {} })
  const { rooms } = makeRooms(store, { relays })
  /** A relay that takes the rest of this turn's slice. */
  const spendTheTurn = () => relays.schedule(() => (clock += 10))
  return { counts, rooms, relays, spendTheTurn }
}

/** Sync step 2: y-protocols' message type 0 (sync), step 1 (a state answer). */
const isStateAnswer = (frame: Uint8Array) => frame[0] === 0 && frame[1] === 1
const stateAnswers = (member: TestMember) => member.received.filter(isStateAnswer)

describe('answers to state requests', () => {
  it('leave with the relay scheduler, and only with what is committed', async () => {
    const { counts, rooms, relays, spendTheTurn } = roomsOnAClock()
    const anna = new TestMember('anna')
    const bo = new TestMember('bo')
    const room = await anna.join(rooms, ROOM)
    await bo.join(rooms, ROOM)
    const committedWhenAnswered: number[] = []
    const send = bo.connection.send
    bo.connection.send = (frame) => {
      if (isStateAnswer(frame)) committedWhenAnswered.push(counts.committed)
      send(frame)
    }

    room.message(bo.connection, encodeSyncStep1(new Y.Doc()))
    spendTheTurn() // this turn's relaying is spent before the answer is scheduled
    for (let i = 0; i < 10; i += 1) await Promise.resolve()
    expect(relays.pending()).toBe(1) // the answer, put off to a later turn
    expect(stateAnswers(bo)).toHaveLength(0)

    anna.type('ny rad') // applied before the answer leaves, committed a turn later
    await until(() => stateAnswers(bo).length === 1, 'the answer')
    // It holds anna's edit, and went out only once her edit was stored.
    const answer = parseMessage(stateAnswers(bo)[0]!)
    const doc = new Y.Doc()
    if (answer.type === 'sync-update') Y.applyUpdate(doc, answer.update)
    expect(doc.getMap('checklistComments').get('anna')?.toString()).toBe('ny rad')
    expect(counts.committed).toBeGreaterThan(0)
    expect(committedWhenAnswered).toEqual([counts.committed])
    await rooms.shutdown()
  })
})
