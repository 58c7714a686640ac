import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  followRelayRestarts,
  makeReconnectBackoff,
  RECONNECT_CAP_MS,
} from '../../../client/src/sync/reconnect-backoff.ts'
import { openDatabase } from '../../../db/client.ts'
import { createInvitations } from '../../../server/auth/invitations.ts'
import type { RunningServer } from '../../../server/server.ts'
import { sleep, waitFor } from '../../helpers/clients.ts'
import { makeTempDatabase } from '../../helpers/database.ts'
import { createTestGroup, joinGroup, type TestGroup } from '../../helpers/fixtures.ts'
import { freePort } from '../../helpers/ports.ts'
import { startTestServer } from '../../helpers/server.ts'

/** How long the relay stays away: a slow restart (a deploy). */
const DOWN_MS = 6000

describe('a member reconnects quickly while the relay restarts', () => {
  let database: ReturnType<typeof makeTempDatabase>
  let group: TestGroup
  let port: number
  const start = (): Promise<RunningServer> =>
    startTestServer(database.url, { PORT: String(port), ROOM_GRACE_MS: '200' })

  beforeAll(async () => {
    database = makeTempDatabase()
    const handle = await openDatabase({ url: database.url })
    group = await createTestGroup(handle.db, createInvitations(handle.db), 'omstart')
    await handle.close()
    port = await freePort()
  })
  afterAll(() => database.remove())

  it(
    'tries about every second after a GoingAway, not at 3.0 and 6.2 s',
    { timeout: 30_000 },
    async () => {
      let server = await start()
      const session = await joinGroup(server.url, group.invites.participant, 'Omstart')
      // The board's provider settings (connection.ts), each attempt's start noted.
      const attempts: number[] = []
      class NotedWebSocket extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols)
          attempts.push(performance.now())
        }
      }
      const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/ws`, group.room, new Y.Doc(), {
        WebSocketPolyfill: NotedWebSocket as unknown as typeof globalThis.WebSocket,
        params: { session },
        disableBc: true,
        maxBackoffTime: RECONNECT_CAP_MS,
      })
      // The jitter at its middle: a restart cap of 1 s.
      followRelayRestarts(
        provider,
        makeReconnectBackoff(() => 0.5),
      )
      try {
        await waitFor(() => provider.synced, 10_000, 'first sync')
        await server.close() // every socket closed with GoingAway
        const wentAway = performance.now()
        await sleep(DOWN_MS)
        const whileDown = attempts.filter((at) => at > wentAway).length
        server = await start()
        await waitFor(() => provider.synced, 10_000, 'sync after the restart')
        // With the usual 5 s cap the provider tries at 0.2, 0.6, 1.4 and 3.0 s (4), next at
        // 6.2; with the restart cap at 0.2, 0.6, 1.4, 2.4, 3.4, 4.4 and 5.4 s (7).
        expect(whileDown).toBeGreaterThanOrEqual(6)
        expect(provider.maxBackoffTime).toBe(RECONNECT_CAP_MS)
      } finally {
        provider.destroy()
        await server.close()
      }
    },
  )
})
