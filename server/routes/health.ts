import type { Client } from '@libsql/client'
import { Hono } from 'hono'
import type { Logger } from '../log.ts'
import type { RoomBus } from '../scale-out/room-bus.ts'

export interface HealthDeps {
  client: Client
  stats: () => { rooms: number; connections: number }
  /** The scale-out bus, when there is one: reported, but a node serves its own clients without it. */
  bus?: Pick<RoomBus, 'status'>
  logger: Logger
  /** How often at most the write probe runs (default 5 s): a health check stays cheap. */
  writeProbeIntervalMs?: number
  now?: () => number
}

/** What `/healthz` says about the database. Anything but `ok` answers 503. */
export type DatabaseHealth = 'ok' | 'unreachable' | 'read-only' | 'full' | 'locked' | 'write-failed'

/** The settings row the write probe rewrites; nothing reads it. */
const HEALTH_PROBE_KEY = 'healthz_write_probe'

const writeProblem = (error: unknown): DatabaseHealth => {
  const code = error instanceof Error && 'code' in error ? String(error.code) : ''
  if (code.startsWith('SQLITE_READONLY')) return 'read-only'
  if (code.startsWith('SQLITE_FULL')) return 'full'
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'locked'
  return 'write-failed'
}

/**
 * `GET /healthz`: 200 when the database answers a read and takes a write, 503 with the part
 * that failed otherwise. A read alone said "ok" while every write failed (a read-only file,
 * a full disk): the relay then closes every editor with 1011 and a load balancer keeps
 * sending them here. The write is a one-row upsert in `settings`, at most once per interval.
 */
export function createHealthRoute({
  client,
  stats,
  bus,
  logger,
  writeProbeIntervalMs = 5000,
  now = Date.now,
}: HealthDeps) {
  let lastProbe: { at: number; result: Promise<DatabaseHealth> } | null = null

  const probeWrite = async (): Promise<DatabaseHealth> => {
    try {
      await client.execute({
        sql: 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        args: [HEALTH_PROBE_KEY, new Date(now()).toISOString()],
      })
      return 'ok'
    } catch (error) {
      const problem = writeProblem(error)
      logger.error('database refuses writes', { problem, error })
      return problem
    }
  }

  /** One probe per interval, shared by the checks that arrive while it runs. */
  const writable = (): Promise<DatabaseHealth> => {
    const at = now()
    if (!lastProbe || at - lastProbe.at >= writeProbeIntervalMs) {
      lastProbe = { at, result: probeWrite() }
    }
    return lastProbe.result
  }

  const readable = async (): Promise<DatabaseHealth> => {
    try {
      await client.execute('SELECT 1')
      return 'ok'
    } catch {
      return 'unreachable'
    }
  }

  return new Hono().get('/', async (c) => {
    const scaleOut = bus ? { redis: bus.status() } : {}
    const read = await readable()
    const database = read === 'ok' ? await writable() : read
    if (database === 'ok') return c.json({ status: 'ok', database, ...scaleOut, ...stats() })
    return c.json({ status: 'unavailable', database, ...scaleOut, ...stats() }, 503)
  })
}
