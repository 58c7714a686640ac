import { Hono } from 'hono'
import type { ServerTimeResponse } from '../../shared/api.ts'

/**
 * `GET /api/time`: the server's clock. A meeting's timer counts on it, so screens whose
 * own clocks differ by minutes show the same remaining time (client/src/sync/server-clock.ts).
 */
export function createTimeRoutes(now: () => number = Date.now) {
  const app = new Hono()
  app.get('/time', (c) => {
    c.header('cache-control', 'no-store')
    const body: ServerTimeResponse = { now: now() }
    return c.json(body)
  })
  return app
}
