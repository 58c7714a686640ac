import { randomBytes } from 'node:crypto'
import { connect, type Socket } from 'node:net'
import { like } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { participants } from '../../../db/schema.ts'
import type { RunningServer } from '../../../server/server.ts'
import { waitFor } from '../../helpers/clients.ts'
import { makeTempDatabase } from '../../helpers/database.ts'
import { createTestGroup, joinGroup } from '../../helpers/fixtures.ts'
import { startTestServer } from '../../helpers/server.ts'

const SOCKETS = 30

const tcpSockets = () =>
  process.getActiveResourcesInfo().filter((kind) => kind === 'TCPSocketWrap').length

describe('relay: a storm of joins', () => {
  let database: ReturnType<typeof makeTempDatabase> | null = null
  let server: RunningServer | null = null
  const sockets: Socket[] = []
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy()
    await server?.close()
    database?.remove()
  })

  /** A server pacing joins, a group, and SOCKETS sessions of it. */
  async function arrange(env: Record<string, string>) {
    database = makeTempDatabase()
    server = await startTestServer(database.url, {
      MAX_PENDING_CONNECTIONS_PER_ADDRESS: '0',
      ...env,
    })
    const group = await createTestGroup(server.services.db, server.services.invitations, 'ovanby')
    const sessions: string[] = []
    for (let i = 0; i < SOCKETS; i++)
      sessions.push(await joinGroup(server.url, group.invites.participant, `Deltagare ${i}`))
    const url = `${server.url.replace(/^http/, 'ws')}/ws/${group.room}`
    return { url, sessions }
  }

  /**
   * Upgrades sent in one go: each TCP connection is open first, then every request is
   * written in the same turn, so the server reads them together, as after a restart.
   * Resolves with each upgrade's HTTP status (101: a WebSocket).
   */
  async function storm(url: string, sessions: readonly string[]): Promise<number[]> {
    const { hostname, port, pathname } = new URL(url)
    const connected = await Promise.all(
      sessions.map(
        () =>
          new Promise<Socket>((resolve, reject) => {
            const socket = connect(Number(port), hostname, () => resolve(socket))
            socket.once('error', reject)
            sockets.push(socket)
          }),
      ),
    )
    const statuses = connected.map(
      (socket) =>
        new Promise<number>((resolve) => {
          let head = ''
          socket.on('data', (chunk: Buffer) => {
            head += chunk.toString('latin1')
            const status = /^HTTP\/1\.1 (\d{3})/.exec(head)
            if (status) resolve(Number(status[1]))
          })
        }),
    )
    // The server (in this process) has accepted every connection before the first request
    // is written: then it reads them all in one turn.
    // (Both ends of each connection count, and few others are open.)
    await waitFor(() => tcpSockets() >= 2 * sessions.length, 5000, 'connections accepted')
    connected.forEach((socket, i) =>
      socket.write(
        `GET ${pathname}?session=${sessions[i]} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n` +
          `Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n\r\n`,
      ),
    )
    return Promise.all(statuses)
  }

  it('every join of a storm under the bound gets in, one at a time', async () => {
    const { url, sessions } = await arrange({ JOINS_AT_ONCE: '1', JOINS_WAITING: '100' })
    expect(await storm(url, sessions)).toEqual(sessions.map(() => 101))
  })

  it('beyond the bound a join is refused with 503 and Retry-After, the others get in', async () => {
    const { url, sessions } = await arrange({ JOINS_AT_ONCE: '1', JOINS_WAITING: '2' })
    const outcomes = await storm(url, sessions)
    const admitted = outcomes.filter((status) => status === 101).length
    const refused = outcomes.filter((status) => status === 503).length
    expect(admitted + refused).toBe(SOCKETS)
    // One running and two waiting when the others arrive. The server hands a poll phase's
    // handshakes over a slice of a turn at a time, so a join may finish (and its place go
    // to the next) before the last ones are handled: a few more may get in, most do not.
    expect(admitted).toBeGreaterThanOrEqual(3)
    expect(refused).toBeGreaterThan(SOCKETS / 2)
    // Refused joins left nothing waiting: the next ones get in.
    expect(await storm(url, sessions.slice(0, 3))).toEqual([101, 101, 101])
  })

  it('the connections of a storm are noted as seen in a few writes, every one of them', async () => {
    const { url, sessions } = await arrange({ JOINS_AT_ONCE: '1' })
    const members = server!.services.members
    const seen = members.seen
    const written: number[] = []
    const writes: Promise<void>[] = []
    members.seen = (ids, now) => {
      written.push(typeof ids === 'string' ? 1 : ids.length)
      writes.push(seen(ids, now))
      return writes.at(-1)!
    }
    expect(await storm(url, sessions)).toEqual(sessions.map(() => 101))
    await waitFor(() => written.reduce((sum, n) => sum + n, 0) >= SOCKETS, 5000, 'all noted')
    // One write per connection before (30), one per turn 15: the joins come paced.
    expect(written.length).toBeLessThanOrEqual(SOCKETS / 5)
    await Promise.all(writes)
    const rows = await server!.services.db
      .select({ lastSeenAt: participants.lastSeenAt })
      .from(participants)
      .where(like(participants.displayName, 'Deltagare %'))
    expect(rows).toHaveLength(SOCKETS)
    for (const row of rows) expect(row.lastSeenAt).not.toBeNull()
  })
})
