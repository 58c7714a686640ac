import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import {
  ConnectionLimits,
  limitPendingConnections,
} from '../../../server/http/connection-limits.ts'
import { createLogger } from '../../../server/log.ts'

const servers: Server[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

/**
 * The 'close' listeners an upgraded socket holds once its WebSocket is open, on a server
 * with or without the pending-connection bound.
 */
async function closeListenersOfAnUpgradedSocket(limited: boolean): Promise<number> {
  const server = createServer()
  servers.push(server)
  const wss = new WebSocketServer({ server })
  if (limited) limitPendingConnections(server, wss, ConnectionLimits, createLogger('silent'))
  const counted = new Promise<number>((resolve) =>
    // Added after the bound's own listener, so it runs once that one is done.
    wss.on('connection', (_ws, request: IncomingMessage) =>
      resolve(request.socket.listenerCount('close')),
    ),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`)
  client.on('error', () => undefined)
  try {
    return await counted
  } finally {
    client.terminate()
  }
}

describe('limitPendingConnections', () => {
  it('keeps nothing on a socket once it is a WebSocket (an idle connection lasts hours)', async () => {
    const unbounded = await closeListenersOfAnUpgradedSocket(false)
    expect(await closeListenersOfAnUpgradedSocket(true)).toBe(unbounded)
  })
})
