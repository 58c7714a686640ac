import { WebSocket } from 'ws'
import { afterEach, describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { encodeAwareness } from '../../../server/relay/protocol.ts'
import type { RunningServer } from '../../../server/server.ts'
import { Keepalive } from '../../../shared/protocol/keepalive.ts'
import { sleep, waitFor, type TestClient } from '../../helpers/clients.ts'
import { makeTempDatabase } from '../../helpers/database.ts'
import {
  connectMember,
  createTestGroup,
  joinGroup,
  type TestGroup,
} from '../../helpers/fixtures.ts'
import { startTestServer } from '../../helpers/server.ts'

describe('relay: keepalive', () => {
  let database: ReturnType<typeof makeTempDatabase>
  let server: RunningServer
  let group: TestGroup
  const clients: TestClient[] = []

  const start = async (env: Record<string, string> = {}) => {
    database = makeTempDatabase()
    server = await startTestServer(database.url, env)
    group = await createTestGroup(server.services.db, server.services.invitations, 'keepalive')
  }

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
    database.remove()
  })

  it('keeps a member alone in a room connected past y-websocket’s 30 s silence timeout', async () => {
    expect(Keepalive.intervalMs * 2).toBeLessThan(Keepalive.providerSilenceTimeoutMs)
    await start()
    const alone = await connectMember(server.url, group, 'Alone', clients)
    const statuses: string[] = []
    alone.provider.on('status', ({ status }: { status: string }) => statuses.push(status))
    await sleep(Keepalive.providerSilenceTimeoutMs + 5000)
    expect(statuses).toEqual([]) // before: 'disconnected', 'connecting', 'connected' at ~33 s
    expect(alone.provider.wsconnected).toBe(true)
  }, 60_000)

  it('ends a connection that stops answering pings, and its presence leaves with it', async () => {
    await start({ KEEPALIVE_INTERVAL_MS: '500' })
    const bo = await connectMember(server.url, group, 'Bo', clients)
    const session = await joinGroup(server.url, group.invites.participant, 'Ghost')
    const ghost = new WebSocket(
      `${server.url.replace(/^http/, 'ws')}/ws/${group.room}?session=${session}`,
      { autoPong: false },
    )
    const closed = new Promise<number>((resolve) => ghost.on('close', (code) => resolve(code)))
    await new Promise((resolve) => ghost.once('open', resolve))
    const presence = new awarenessProtocol.Awareness(new Y.Doc())
    presence.setLocalState({ user: { name: 'Ghost' } })
    ghost.send(
      encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(presence, [presence.clientID])),
    )
    const ghostSeen = () => bo.provider.awareness.getStates().has(presence.clientID)
    await waitFor(ghostSeen, 5000, 'Bo sees the ghost')

    const ended = await Promise.race([closed, sleep(5000).then(() => 'still open')])
    expect(ended).toBe(1006) // ended without a close frame: nobody is there to read one
    await waitFor(() => !ghostSeen(), 5000, 'the ghost’s presence gone at Bo')
    presence.destroy()

    // Bo answers pings (as every WebSocket client does) and stays; quiet, it still hears
    // from the server each interval.
    const heard = bo.framesReceived(1)
    await sleep(2000)
    expect(bo.provider.wsconnected).toBe(true)
    expect(bo.framesReceived(1) - heard).toBeGreaterThanOrEqual(3)
  })
})
