import type { Socket } from 'node:net'
import { WebSocket } from 'ws'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { RunningServer } from '../../../server/server.ts'
import { MessageType, SyncStep } from '../../../shared/protocol/messages.ts'
import { connectClient, waitFor, waitForSync, type TestClient } from '../../helpers/clients.ts'
import { makeTempDatabase } from '../../helpers/database.ts'
import { createTestGroup, joinGroup, type TestGroup } from '../../helpers/fixtures.ts'
import { startTestServer } from '../../helpers/server.ts'

const MiB = 1024 * 1024
/** Larger than what the kernel's socket buffers take (about 4 MB here) plus the limit. */
const ROOM_TEXT = 12 * MiB
const MAX_BUFFERED = MiB

describe('relay: a client that stops reading', () => {
  let database: ReturnType<typeof makeTempDatabase>
  let server: RunningServer
  let group: TestGroup
  const clients: TestClient[] = []

  beforeEach(async () => {
    database = makeTempDatabase()
    server = await startTestServer(database.url, {
      MAX_BUFFERED_BYTES: String(MAX_BUFFERED),
      // The keepalive would end a socket that answers no ping; here the queue's bound must.
      KEEPALIVE_INTERVAL_MS: '600000',
    })
    group = await createTestGroup(server.services.db, server.services.invitations, 'tungt')
  })
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
    database.remove()
  })

  /** A facilitator's client: facilitators may write anywhere in the workspace. */
  const member = async (name: string) => {
    const session = await joinGroup(server.url, group.invites.facilitator, name)
    const client = connectClient(server.url, group.room, session)
    clients.push(client)
    await waitForSync(client, 20_000)
    return client
  }

  it('is closed when its send queue passes the limit; the server and the room go on', async () => {
    await server.services.rooms.change(group.room, (doc) =>
      doc.getMap('checklistComments').set('big', new Y.Text('x'.repeat(ROOM_TEXT))),
    )
    const anna = await member('Anna')
    const bo = await member('Bo')

    const session = await joinGroup(server.url, group.invites.viewer, 'Never reads')
    const slow = new WebSocket(
      `${server.url.replace(/^http/, 'ws')}/ws/${group.room}?session=${session}`,
    )
    slow.on('error', () => undefined)
    await new Promise((resolve) => slow.once('open', resolve))
    ;(slow as unknown as { _socket: Socket })._socket.pause()
    // Asks for the whole room (an empty state vector), again and again, and reads nothing.
    const stepOne = Uint8Array.of(MessageType.Sync, SyncStep.Step1, 1, 0)
    for (let i = 0; i < 20; i++) slow.send(stepOne)
    await waitFor(
      () => server.services.rooms.connectionCount(group.room) === 3,
      5000,
      'the slow reader in the room',
    )

    // Members go on editing; what the server would send the slow reader piles up.
    let ticks = 0
    await waitFor(
      () => {
        // Ten edits a second, well within Anna's own rate limit.
        if (ticks++ % 10 === 0) anna.doc.getMap<number>('checklistScores').set(`e${ticks}`, 1)
        return server.services.rooms.connectionCount(group.room) === 2
      },
      10_000,
      'the slow reader closed', // before: it stayed, and its queue kept growing
    )
    anna.doc.getMap<number>('checklistScores').set('after', 3)
    await waitFor(
      () => bo.doc.getMap<number>('checklistScores').get('after') === 3,
      5000,
      'relay after the slow reader',
    )
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    slow.terminate()
  }, 30_000)
})
