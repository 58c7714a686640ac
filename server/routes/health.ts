import type { Client } from '@libsql/client'
import { Hono } from 'hono'

export interface HealthDeps {
  client: Client
  stats: () => { rooms: number; connections: number }
}

/** `GET /healthz`: 200 when the database answers, 503 when it does not. */
export function createHealthRoute({ client, stats }: HealthDeps) {
  return new Hono().get('/', async (c) => {
    try {
      await client.execute('SELECT 1')
      return c.json({ status: 'ok', database: 'ok', ...stats() })
    } catch {
      return c.json({ status: 'unavailable', database: 'unreachable', ...stats() }, 503)
    }
  })
}
