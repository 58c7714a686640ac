import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { readConfig } from '../../../server/config.ts'
import { ensureDemo } from '../../../server/demo/ensure-demo.ts'
import type { LogContext, Logger } from '../../../server/log.ts'
import { startServer, type RunningServer } from '../../../server/server.ts'
import { waitFor } from '../../helpers/clients.ts'
import { makeTempDatabase } from '../../helpers/database.ts'

/** Keeps the messages the server logs (at debug), to count the rooms it loads. */
function capturingLogger(messages: string[]): Logger {
  const logger: Logger = {
    debug: (message: string, _context?: LogContext) => void messages.push(message),
    info: (message: string) => void messages.push(message),
    warn: (message: string) => void messages.push(message),
    error: (message: string) => void messages.push(message),
    child: () => logger,
  }
  return logger
}

describe('startup with the demo round: rooms load lazily', () => {
  const database = makeTempDatabase()
  let server: RunningServer | null = null
  afterEach(async () => {
    await server?.close()
    server = null
  })
  afterAll(() => database.remove())

  /** The server as `npm start` runs it: started, then the demo ensured through live rooms. */
  async function start(messages: string[]): Promise<RunningServer> {
    const config = readConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      SEED_DEMO: '0',
      // Long enough that a room kept for its grace would still be loaded at the end.
      ROOM_GRACE_MS: '60000',
    })
    const logger = capturingLogger(messages)
    const started = await startServer(config, logger)
    await ensureDemo(started.services, { publicUrl: started.url, live: true, logger })
    return started
  }

  const loads = (messages: string[]) => messages.filter((m) => m === 'room loaded').length

  it('holds no room after seeding, and loads none on a restart', async () => {
    const first: string[] = []
    server = await start(first)
    expect(loads(first)).toBeGreaterThan(0) // the structure was written into each room
    // Before: every demo room stayed loaded for its grace period.
    await waitFor(() => server?.services.rooms.stats().rooms === 0, 3000, 'no room loaded')
    const health = (await (await fetch(`${server.url}/healthz`)).json()) as { rooms: number }
    expect(health.rooms).toBe(0)
    await server.close()

    const second: string[] = []
    server = await start(second)
    expect(server.services.rooms.stats().rooms).toBe(0)
    // Before: a restart loaded every demo room again (945 MB RSS with one grown room).
    expect(loads(second)).toBe(0)
  })
})
