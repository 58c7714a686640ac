import { WebSocket } from 'ws'
import { afterEach, describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { encodeAwareness } from '../../../server/relay/protocol.ts'
import type { RunningServer } from '../../../server/server.ts'
import { Keepalive } from '../../../shared/protocol/keepalive.ts'
import { waitFor, type TestClient } from '../../helpers/clients.ts'
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

  it('keeps talking to a member alone in a room, well within y-websocket’s 30 s silence timeout', async () => {
    // The provider reconnects after 30 s without a message; the server sends one at least
    // every interval, so the default interval must leave room for a late one.
    expect(Keepalive.intervalMs * 2).toBeLessThan(Keepalive.providerSilenceTimeoutMs)
    await start({ KEEPALIVE_INTERVAL_MS: '300' })
    const alone = await connectMember(server.url, group, 'Alone', clients)
    const statuses: string[] = []
    alone.provider.on('status', ({ status }: { status: string }) => statuses.push(status))
    // Nobody else is here: every message from now on is the server keeping the line alive
    // (before: nothing came, and at ~33 s 'disconnected', 'connecting', 'connected').
    const heard = alone.framesReceived(1)
    const since = alone.provider.wsLastMessageReceived
    await waitFor(() => alone.framesReceived(1) - heard >= 4, 5000, 'four quiet messages')
    expect(alone.provider.wsLastMessageReceived).toBeGreaterThan(since)
    expect(statuses).toEqual([])
    expect(alone.provider.wsconnected).toBe(true)
  })

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

    let code: number | null = null
    void closed.then((c) => (code = c))
    await waitFor(() => code !== null, 5000, 'the ghost ended')
    expect(code).toBe(1006) // ended without a close frame: nobody is there to read one
    await waitFor(() => !ghostSeen(), 5000, 'the ghost’s presence gone at Bo')
    presence.destroy()

    // Bo answers pings (as every WebSocket client does) and stays; quiet, it still hears
    // from the server each interval.
    const heard = bo.framesReceived(1)
    await waitFor(() => bo.framesReceived(1) - heard >= 3, 5000, 'three quiet messages at Bo')
    expect(bo.provider.wsconnected).toBe(true)
  })
})
