import type { Client } from '@libsql/client'
import { Hono } from 'hono'
import type { RoomBus } from '../scale-out/room-bus.ts'

export interface HealthDeps {
  client: Client
  stats: () => { rooms: number; connections: number }
  /** The scale-out bus, when there is one: reported, but a node serves its own clients without it. */
  bus?: Pick<RoomBus, 'status'>
}

/** `GET /healthz`: 200 when the database answers, 503 when it does not. */
export function createHealthRoute({ client, stats, bus }: HealthDeps) {
  return new Hono().get('/', async (c) => {
    const scaleOut = bus ? { redis: bus.status() } : {}
    try {
      await client.execute('SELECT 1')
      return c.json({ status: 'ok', database: 'ok', ...scaleOut, ...stats() })
    } catch {
      return c.json(
        { status: 'unavailable', database: 'unreachable', ...scaleOut, ...stats() },
        503,
      )
    }
  })
}
