import type { IncomingMessage } from 'node:http'
import { WebSocket } from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../../server/server.ts'
import { makeTempDatabase } from '../../helpers/database.ts'
import { createTestGroup, joinGroup, type TestGroup } from '../../helpers/fixtures.ts'
import { startTestServer } from '../../helpers/server.ts'

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
  let database: ReturnType<typeof makeTempDatabase>
  let server: RunningServer
  let group: TestGroup
  let wsBase: string

  beforeAll(async () => {
    database = makeTempDatabase()
    server = await startTestServer(database.url)
    group = await createTestGroup(server.services.db, server.services.invitations, 'handslag')
    wsBase = `${server.url.replace(/^http/, 'ws')}/ws/${group.room}`
  })
  afterAll(async () => {
    await server.close()
    database.remove()
  })

  it('sends an accepted handshake (101) without the page headers', async () => {
    const session = await joinGroup(server.url, group.invites.participant, 'Hanna')
    const response = await handshake(`${wsBase}?session=${session}`)
    expect(response.statusCode).toBe(101)
    expect(response.headers['content-security-policy']).toBeUndefined()
    expect(response.headers['x-frame-options']).toBeUndefined()
  })

  it('sends a refused handshake with them, like every other answer', async () => {
    const response = await handshake(wsBase)
    expect(response.statusCode).toBe(401)
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['referrer-policy']).toBe('no-referrer')
  })
})
