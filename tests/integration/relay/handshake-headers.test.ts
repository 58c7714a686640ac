import type { IncomingMessage } from 'node:http'
import { WebSocket } from 'ws'
import { describe, expect, it } from 'vitest'
import { joinGroup } from '../../helpers/fixtures.ts'
import { useRelayServer } from '../../helpers/relay-server.ts'

/** The response to a WebSocket handshake: the 101 of an accepted one, or the refusal. */
function handshake(url: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url)
    socket.on('upgrade', (response) => {
      resolve(response)
      socket.terminate()
    })
    socket.on('unexpected-response', (_request, response) => {
      resolve(response)
      socket.terminate()
    })
    socket.on('error', reject)
  })
}

describe('relay: the handshake and the security headers', () => {
  const relay = useRelayServer('handslag')
  const socketUrl = () => `${relay.server.url.replace(/^http/, 'ws')}/ws/${relay.group.room}`

  it('sends an accepted handshake (101) without the page headers', async () => {
    const session = await joinGroup(relay.server.url, relay.group.invites.participant, 'Hanna')
    const response = await handshake(`${socketUrl()}?session=${session}`)
    expect(response.statusCode).toBe(101)
    expect(response.headers['content-security-policy']).toBeUndefined()
    expect(response.headers['x-frame-options']).toBeUndefined()
  })

  it('sends a refused handshake with them, like every other answer', async () => {
    const response = await handshake(socketUrl())
    expect(response.statusCode).toBe(401)
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['referrer-policy']).toBe('no-referrer')
  })
})
