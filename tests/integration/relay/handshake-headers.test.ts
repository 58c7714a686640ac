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

/** A refused handshake's status and body (the JSON error every refusal carries). */
function refusal(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url)
    socket.on('upgrade', () => reject(new Error('the handshake was accepted')))
    socket.on('unexpected-response', (_request, response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
    })
    socket.on('error', () => undefined)
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

  it('says why a handshake is refused, in the JSON every other refusal has', async () => {
    const unauthenticated = await refusal(socketUrl())
    expect(unauthenticated.status).toBe(401)
    expect(JSON.parse(unauthenticated.body)).toMatchObject({ error: { code: 'unauthenticated' } })
    const session = await joinGroup(relay.server.url, relay.group.invites.participant, 'Ivar')
    const base = relay.server.url.replace(/^http/, 'ws')
    const noRoom = await refusal(`${base}/ws/${relay.group.room}/extra?session=${session}`)
    expect(noRoom.status).toBe(404)
    expect(JSON.parse(noRoom.body)).toMatchObject({ error: { code: 'not_found' } })
    const badName = await refusal(`${base}/ws/no%20such?session=${session}`)
    expect(badName.status).toBe(404)
  })

  it('answers a plain request to the relay with 426, not the client page', async () => {
    const response = await fetch(`${relay.server.url}/ws/${relay.group.room}`)
    expect(response.status).toBe(426)
    expect(await response.json()).toMatchObject({ error: { code: 'bad_request' } })
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  })
})
