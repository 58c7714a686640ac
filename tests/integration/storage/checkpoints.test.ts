import { execFile } from 'node:child_process'
import { copyFileSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { startBackgroundCheckpoints } from '../../../db/checkpointer.ts'
import { openDatabase, type DatabaseHandle } from '../../../db/client.ts'
import { sleep, waitFor } from '../../helpers/clients.ts'
import { makeTempDatabase } from '../../helpers/database.ts'

describe('background WAL checkpoints (the server’s mode)', () => {
  let temp: ReturnType<typeof makeTempDatabase> | null = null
  let handle: DatabaseHandle | null = null
  afterEach(async () => {
    await handle?.close()
    temp?.remove()
  })

  /** A new database, opened as the server opens it, its worker checkpointing this often. */
  async function openWithWorker(checkpointIntervalMs: number) {
    temp = makeTempDatabase()
    handle = await openDatabase({ url: temp.url, checkpoints: 'background', checkpointIntervalMs })
    return { temp, handle }
  }

  it('leaves checkpointing to the worker: commits never checkpoint, the worker does', async () => {
    const { temp, handle } = await openWithWorker(50)
    const autocheckpoint = await handle.client.execute('PRAGMA wal_autocheckpoint')
    expect(Number(autocheckpoint.rows[0]?.[0])).toBe(0)

    // Rows reach the database file only through a checkpoint; the connections take none.
    const file = join(temp.dir, 'test.db')
    const before = statSync(file).size
    const entries = Array.from({ length: 400 }, (_, i) => ({
      room: 'lerum',
      update: new Uint8Array(1024).fill(i % 251),
    }))
    handle.updateLog?.append(entries)
    await waitFor(() => statSync(file).size > before + 400 * 1024, 5000, 'a checkpoint')
    const rows = await handle.client.execute('SELECT count(*) FROM doc_updates')
    expect(Number(rows.rows[0]?.[0])).toBe(400)
  })

  it('starts the WAL over in the worker, so no commit fsyncs its header on the event loop', async () => {
    const { temp, handle } = await openWithWorker(20)
    // The WAL header's checkpoint sequence and salts: new each time the WAL starts over,
    // which with synchronous = NORMAL fsyncs that header in the connection that writes.
    const wal = join(temp.dir, 'test.db-wal')
    const startedOver = () => readFileSync(wal).subarray(12, 24).toString('hex')
    for (let i = 0; i < 4; i++) {
      handle.updateLog?.append([{ room: 'lerum', update: new Uint8Array([i]) }])
      await sleep(150) // checkpointed whole, more than once
      const before = startedOver()
      handle.updateLog?.append([{ room: 'lerum', update: new Uint8Array([i, i]) }])
      expect(startedOver()).toBe(before)
    }
    const rows = await handle.client.execute('SELECT count(*) FROM doc_updates')
    expect(Number(rows.rows[0]?.[0])).toBe(8)
  })

  it('leaves everything in the database file alone, also what came after the worker stopped', async () => {
    temp = makeTempDatabase()
    const first = await openDatabase({ url: temp.url, checkpoints: 'background' })
    first.updateLog?.append([{ room: 'lerum', update: new Uint8Array([1, 2, 3]) }])
    await first.stopCheckpoints()
    // A shutdown closes the sockets while the worker stops; their notes are written after.
    first.updateLog?.append([{ room: 'lerum', update: new Uint8Array([4]) }])
    await first.close()
    // A backup that copies the database file without its WAL has both rows.
    const copy = makeTempDatabase()
    try {
      copyFileSync(join(temp.dir, 'test.db'), join(copy.dir, 'test.db'))
      handle = await openDatabase({ url: copy.url })
      const rows = await handle.client.execute('SELECT count(*) FROM doc_updates')
      expect(Number(rows.rows[0]?.[0])).toBe(2)
    } finally {
      await handle?.close()
      handle = null
      copy.remove()
    }
  })

  it('closes after a last checkpoint, and the data is there on the next open', async () => {
    temp = makeTempDatabase()
    const first = await openDatabase({ url: temp.url, checkpoints: 'background' })
    first.updateLog?.append([{ room: 'lerum', update: new Uint8Array([1, 2, 3]) }])
    await first.close()
    handle = await openDatabase({ url: temp.url })
    const rows = await handle.client.execute('SELECT count(*) FROM doc_updates')
    expect(Number(rows.rows[0]?.[0])).toBe(1)
  })
})

describe('the checkpoint worker', () => {
  it('reports a worker that stops, starts it again later each time, and still closes', async () => {
    const temp = makeTempDatabase()
    const errors: string[] = []
    // A folder is no database: each worker fails as it opens it and stops.
    const checkpoints = startBackgroundCheckpoints({
      path: temp.dir,
      intervalMs: 50,
      restartDelayMs: 20,
      onError: (message) => errors.push(message),
    })
    const restarts = () => errors.filter((e) => e.includes('starting it again')).length
    await waitFor(() => restarts() >= 3, 5000, 'three restarts')
    // Workers that stop at once are retried ever less often.
    const waits = errors.flatMap((e) => e.match(/again in (\d+) ms/)?.[1] ?? []).map(Number)
    expect(waits.slice(0, 3)).toEqual([20, 40, 80])
    await checkpoints.close()
    const after = errors.length
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(errors.length).toBe(after)
    temp.remove()
  })

  it('runs without the process’s preloads, which may not load in a worker', async () => {
    // The bench preloads a TypeScript probe; a worker inheriting it failed at every start.
    const mainThreadOnly =
      'data:text/javascript,import { isMainThread } from "node:worker_threads";' +
      'if (!isMainThread) throw new Error("a preload for the main thread only")'
    const temp = makeTempDatabase()
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [
          '--import',
          mainThreadOnly,
          '--import',
          'tsx',
          'tests/integration/storage/fixtures/checkpoint-under-preload.ts',
          join(temp.dir, 'test.db'),
        ],
        { timeout: 20_000 },
      )
      expect(JSON.parse(stdout)).toEqual({ checkpointed: true, errors: [] })
    } finally {
      temp.remove()
    }
  })
})
