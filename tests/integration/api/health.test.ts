import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join as joinPath } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../../../db/client.ts'
import { createLogger } from '../../../server/log.ts'
import { createHealthRoute } from '../../../server/routes/health.ts'
import { makeTempDatabase } from '../../helpers/database.ts'
import { startApi, type ApiHarness } from './harness.ts'

/**
 * A database file that refuses writes, for real: `chattr +i` makes the file and its WAL
 * immutable, which stops even root (tests run as root, so chmod would not), while reads
 * keep working. Each write then fails in SQLite with an I/O error, as on a disk that went
 * read-only under a running server. (The -shm file stays writable: it is memory-mapped, and
 * a write to an immutable mapping kills the process with SIGBUS.)
 */
function freeze(dir: string, on: boolean): void {
  const files = ['test.db', 'test.db-wal'].map((name) => joinPath(dir, name)).filter(existsSync)
  execFileSync('chattr', [on ? '+i' : '-i', ...files])
}

describe('/healthz and a database that refuses writes', () => {
  let cleanup: (() => Promise<void>) | null = null
  afterEach(async () => {
    await cleanup?.()
    cleanup = null
  })

  it('answers 503 with the failed part when writes fail, and 200 again when they work', async () => {
    const temp = makeTempDatabase()
    const database: DatabaseHandle = await openDatabase({ url: temp.url })
    cleanup = async () => {
      freeze(temp.dir, false)
      await database.close()
      temp.remove()
    }
    const health = createHealthRoute({
      client: database.client,
      stats: () => ({ rooms: 0, connections: 0 }),
      logger: createLogger('silent'),
      writeProbeIntervalMs: 0,
    })
    const ok = await health.request('/')
    expect(ok.status).toBe(200)
    expect(await ok.json()).toMatchObject({ status: 'ok', database: 'ok' })

    freeze(temp.dir, true)
    // Reads still work: before, that was all /healthz looked at, and it said "ok".
    expect((await database.client.execute('SELECT count(*) AS n FROM settings')).rows).toHaveLength(
      1,
    )
    const refused = await health.request('/')
    expect(refused.status).toBe(503)
    expect(await refused.json()).toMatchObject({ status: 'unavailable', database: 'write-failed' })

    freeze(temp.dir, false)
    expect((await health.request('/')).status).toBe(200)
  })

  it('reports it through the whole app, probing writes at most every few seconds', async () => {
    const api: ApiHarness = await startApi()
    cleanup = async () => {
      freeze(api.config.databaseUrl.replace(/^file:/, '').replace(/\/test\.db$/, ''), false)
      await api.close()
    }
    const dir = api.config.databaseUrl.replace(/^file:/, '').replace(/\/test\.db$/, '')
    freeze(dir, true)
    const first = await api.app.request('/healthz')
    expect(first.status).toBe(503)
    expect(await first.json()).toMatchObject({ database: 'write-failed' })
    freeze(dir, false)
    // Within the probe interval the last write result stands: a health check stays cheap.
    expect((await api.app.request('/healthz')).status).toBe(503)
  })
})
