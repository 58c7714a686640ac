import { describe, expect, it } from 'vitest'
import { createLogger } from '../../../server/log.ts'
import { makeFoldedRows } from '../../../server/relay/folded-rows.ts'
import { makeOneAtATime } from '../../../server/relay/one-at-a-time.ts'
import { createMemoryDocStore } from '../../../server/storage/memory-doc-store.ts'
import { waitFor } from '../../helpers/clients.ts'

/** A store whose room `room` has `count` log rows, all folded by a snapshot. */
async function foldedRoom(room: string, count: number) {
  const store = createMemoryDocStore()
  const ids = await store.append(
    Array.from({ length: count }, () => ({ room, update: new Uint8Array([0, 0]) })),
  )
  // Another room's row after them: the log's newest row always stays.
  await store.append([{ room: 'other', update: new Uint8Array([0, 0]) }])
  const dropped: number[] = []
  const counted = {
    prune: async (name: string, upto: number, limit: number) => {
      const n = await store.prune(name, upto, limit)
      dropped.push(n)
      return n
    },
  }
  return { store: counted, upto: ids.at(-1)!, dropped: () => dropped.reduce((a, b) => a + b, 0) }
}

describe('folded rows', () => {
  it('are dropped at once, a step at a time, when the server is quiet', async () => {
    const { store, upto, dropped } = await foldedRoom('avesta', 250)
    const rows = makeFoldedRows({ store, logger: createLogger('silent'), inTurn: makeOneAtATime() })
    await rows.drop('avesta', upto)
    expect(dropped()).toBe(250)
    expect(rows.waiting()).toBe(0)
  })

  it('wait while the server is busy, and go once it is quiet, with no compaction to come', async () => {
    const { store, upto, dropped } = await foldedRoom('avesta', 250)
    let busy = true
    const rows = makeFoldedRows({
      store,
      logger: createLogger('silent'),
      inTurn: makeOneAtATime(),
      busy: () => busy,
      retryMs: 20,
    })
    await rows.drop('avesta', upto)
    expect(dropped()).toBe(0)
    expect(rows.waiting()).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(dropped()).toBe(0) // still busy: tried again, left again
    busy = false
    await waitFor(() => rows.waiting() === 0, 2000, 'the rows dropped')
    expect(dropped()).toBe(250)
  })
})
