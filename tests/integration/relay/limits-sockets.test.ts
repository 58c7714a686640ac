import { WebSocket } from 'ws'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../../server/server.ts'
import type { Role } from '../../../shared/roles.ts'
import { waitFor } from '../../helpers/clients.ts'
import { makeTempDatabase } from '../../helpers/database.ts'
import { createTestGroup, joinGroup, type TestGroup } from '../../helpers/fixtures.ts'
import { startTestServer } from '../../helpers/server.ts'

const SOCKETS_PER_SESSION = 2
const ROOM_PLACES = 4

describe('relay: sockets per session, and the facilitator’s place', () => {
  let database: ReturnType<typeof makeTempDatabase>
  let server: RunningServer
  let group: TestGroup
  const sockets: WebSocket[] = []

  beforeEach(async () => {
    database = makeTempDatabase()
    server = await startTestServer(database.url, {
      MAX_SOCKETS_PER_SESSION: String(SOCKETS_PER_SESSION),
      MAX_CONNECTIONS_PER_ROOM: String(ROOM_PLACES),
    })
    group = await createTestGroup(server.services.db, server.services.invitations, 'platser')
  })
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.terminate()
    await server.close()
    database.remove()
  })

  const join = (role: Role, name: string) => joinGroup(server.url, group.invites[role], name)

  /** Opens a socket with the session: 'open', or the HTTP status the upgrade got instead. */
  const open = (session: string) =>
    new Promise<{ status: 'open' | number; socket: WebSocket }>((resolve) => {
      const socket = new WebSocket(
        `${server.url.replace(/^http/, 'ws')}/ws/${group.room}?session=${session}`,
      )
      sockets.push(socket)
      socket.on('open', () => resolve({ status: 'open', socket }))
      socket.on('unexpected-response', (_request, response) =>
        resolve({ status: response.statusCode ?? 0, socket }),
      )
      socket.on('error', () => undefined)
    })

  it('refuses a session’s socket beyond its share with 429, and gives the place back on close', async () => {
    const viewer = await join('viewer', 'Many tabs')
    const first = await open(viewer)
    expect(first.status).toBe('open')
    expect((await open(viewer)).status).toBe('open')
    expect((await open(viewer)).status).toBe(429) // before: open, up to the room's 200
    // Another person is not affected.
    expect((await open(await join('viewer', 'Someone else'))).status).toBe('open')
    // A tab closed frees its place (once the server has seen its socket close).
    first.socket.close()
    await new Promise((resolve) => first.socket.once('close', resolve))
    const deadline = Date.now() + 5000
    let again = (await open(viewer)).status
    while (again !== 'open' && Date.now() < deadline) again = (await open(viewer)).status
    expect(again).toBe('open')
  })

  it('lets a facilitator into a room its members filled; others get 503', async () => {
    for (const name of ['A', 'B']) {
      const session = await join('viewer', name)
      for (let i = 0; i < SOCKETS_PER_SESSION; i++)
        expect((await open(session)).status).toBe('open')
    }
    await waitFor(
      () => server.services.rooms.connectionCount(group.room) === ROOM_PLACES,
      5000,
      'the room full',
    )
    expect((await open(await join('participant', 'Late'))).status).toBe(503)
    expect((await open(await join('facilitator', 'Mentor'))).status).toBe('open') // before: 503
  })
})
