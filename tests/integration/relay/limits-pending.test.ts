import { get } from 'node:http'
import { connect, type Socket } from 'node:net'
import { WebSocket } from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../../server/server.ts'
import { waitFor } from '../../helpers/clients.ts'
import { makeTempDatabase } from '../../helpers/database.ts'
import { createTestGroup, joinGroup, type TestGroup } from '../../helpers/fixtures.ts'
import { startTestServer } from '../../helpers/server.ts'

const MAX_PENDING = 4
const HEADERS_TIMEOUT_MS = 1500

/**
 * Every test connection comes from the loopback, so the half-open ones come from other
 * loopback addresses (127.0.0.0/8 all reach a server on 127.0.0.1 under Linux).
 */
describe('server: connections that are not answered or upgraded yet', () => {
  let database: ReturnType<typeof makeTempDatabase>
  let server: RunningServer
  let group: TestGroup
  const sockets: Socket[] = []

  beforeAll(async () => {
    database = makeTempDatabase()
    server = await startTestServer(database.url, {
      MAX_PENDING_CONNECTIONS_PER_ADDRESS: String(MAX_PENDING),
      HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
    })
    group = await createTestGroup(server.services.db, server.services.invitations, 'halvoppna')
  })
  afterAll(async () => {
    for (const socket of sockets) socket.destroy()
    await server.close()
    database.remove()
  })

  /** A TCP connection from `from`, which sends `bytes` (part of a request) and waits. */
  const halfOpen = (from: string, bytes = '') => {
    const socket = connect({ host: '127.0.0.1', port: server.port, localAddress: from })
    sockets.push(socket)
    socket.on('error', () => undefined)
    let closed = false
    socket.on('close', () => (closed = true))
    const opened = new Promise<void>((resolve) => socket.once('connect', () => resolve()))
    void opened.then(() => bytes && socket.write(bytes))
    return { opened, closed: () => closed }
  }

  /** GET /healthz from a given local address: the status, or the error's code. */
  const healthFrom = (from: string) =>
    new Promise<number | string>((resolve) => {
      const request = get(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/healthz',
          localAddress: from,
          agent: false,
        },
        (response) => {
          response.resume()
          resolve(response.statusCode ?? 0)
        },
      )
      request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'))
    })

  const partialRequest = `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n` // no blank line: never done

  it('ends the connections of one address beyond the bound at once, and no one else’s', async () => {
    const held = Array.from({ length: MAX_PENDING }, () => halfOpen('127.0.0.2', partialRequest))
    await Promise.all(held.map((h) => h.opened))
    const excess = Array.from({ length: 3 }, () => halfOpen('127.0.0.2', partialRequest))
    // Before: they stayed open (~21,000 of them used up the file descriptors).
    await waitFor(() => excess.every((h) => h.closed()), 5000, 'the excess ended')
    // At once, not by the headers timeout: the ones within the bound are still open.
    expect(held.every((h) => !h.closed())).toBe(true)
    expect(await healthFrom('127.0.0.3')).toBe(200) // another address is not affected
    expect(await healthFrom('127.0.0.2')).toBe('ECONNRESET') // this one is at its bound

    // The headers timeout ends the held ones; then the address is served again.
    await waitFor(() => held.every((h) => h.closed()), HEADERS_TIMEOUT_MS + 3000, 'timed out')
    let status = await healthFrom('127.0.0.2')
    const deadline = Date.now() + 2000
    while (status !== 200 && Date.now() < deadline) status = await healthFrom('127.0.0.2')
    expect(status).toBe(200)
  })

  it('ends a connection that sends nothing after the headers timeout', async () => {
    const silent = halfOpen('127.0.0.4')
    await silent.opened
    const started = Date.now()
    // Before: Node's headersTimeout only counts from a request's first byte; it stayed open.
    await waitFor(() => silent.closed(), HEADERS_TIMEOUT_MS + 3000, 'the silent one ended')
    expect(Date.now() - started).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 200)
  })

  it('does not count WebSockets once they are upgraded, nor requests once answered', async () => {
    // All from 127.0.0.1, more than the bound.
    for (let i = 0; i < MAX_PENDING + 2; i++) {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    }
    const session = await joinGroup(server.url, group.invites.participant, 'Many tabs')
    const open: WebSocket[] = []
    for (let i = 0; i < MAX_PENDING + 1; i++) {
      const socket = new WebSocket(
        `${server.url.replace(/^http/, 'ws')}/ws/${group.room}?session=${session}`,
      )
      socket.on('error', () => undefined)
      open.push(socket)
      await new Promise((resolve, reject) => {
        socket.once('open', resolve)
        socket.once('close', () => reject(new Error(`socket ${i + 1} was ended`)))
      })
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    for (const socket of open) socket.close()
  })
})
