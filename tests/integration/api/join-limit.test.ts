import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readConfig } from '../../../server/config.ts'
import { createLogger } from '../../../server/log.ts'
import { startServer, type RunningServer } from '../../../server/server.ts'
import { makeTempDatabase } from '../../helpers/database.ts'
import { createTestGroup, type TestGroup } from '../../helpers/fixtures.ts'

interface Answer {
  status: number
  retryAfter: string | undefined
}

/** POSTs JSON from a chosen loopback address (Linux routes all of 127/8 to lo). */
function postFrom(url: string, localAddress: string, body: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json' } },
      (res) => {
        res.resume()
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] }),
        )
      },
    )
    req.on('error', reject)
    req.end(JSON.stringify(body))
  })
}

/**
 * Before, `/api/join` took over a thousand guesses a second from one address, with no 429
 * and nothing logged. Now each address gets JOIN_RATE_PER_MINUTE failed attempts (after a
 * small burst), and every failure is logged with the address, never with the token.
 */
describe('join attempts per address', () => {
  let database: ReturnType<typeof makeTempDatabase>
  let server: RunningServer
  let group: TestGroup
  const lines: string[] = []

  beforeAll(async () => {
    database = makeTempDatabase()
    const config = readConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      SEED_DEMO: '0',
      JOIN_RATE_PER_MINUTE: '6',
    })
    server = await startServer(
      config,
      createLogger('warn', {}, (line) => lines.push(line)),
    )
    group = await createTestGroup(server.services.db, server.services.invitations, 'grupp-j')
  })
  afterAll(async () => {
    await server.close()
    database.remove()
  })

  it('answers 429 with Retry-After past the burst, per address, and logs the failures', async () => {
    const guess = (n: number) => `guess-${String(n).padStart(40, '0')}`
    const join = `${server.url}/api/join`
    const preview = `${server.url}/api/invitations/preview`
    // Burst of 3 (6 per minute): preview and join draw on the same allowance.
    expect((await postFrom(preview, '127.0.0.2', { invite: guess(1) })).status).toBe(404)
    expect((await postFrom(join, '127.0.0.2', { invite: guess(2), name: 'X' })).status).toBe(404)
    expect((await postFrom(join, '127.0.0.2', { invite: guess(3), name: 'X' })).status).toBe(404)
    const limited = await postFrom(join, '127.0.0.2', { invite: guess(4), name: 'X' })
    expect(limited.status).toBe(429)
    expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1)
    expect(Number(limited.retryAfter)).toBeLessThanOrEqual(10)
    // Even a valid invitation waits: the guesser cannot tell a hit from a miss.
    const valid = { invite: group.invites.viewer, name: 'Vera' }
    expect((await postFrom(join, '127.0.0.2', valid)).status).toBe(429)
    // Another address is not affected, and its successful joins do not use up its allowance.
    for (const name of ['Anna', 'Bo', 'Cecilia', 'David', 'Eva']) {
      const joined = await postFrom(join, '127.0.0.3', { invite: group.invites.participant, name })
      expect(joined.status).toBe(200)
    }

    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>)
    const refused = logged.filter((entry) => entry.msg === 'join refused')
    expect(refused).toHaveLength(3)
    expect(refused.every((entry) => entry.address === '127.0.0.2')).toBe(true)
    expect(refused.map((entry) => entry.problem)).toEqual([
      'invite_not_found',
      'invite_not_found',
      'invite_not_found',
    ])
    expect(logged.filter((entry) => entry.msg === 'join attempts rate limited')).toHaveLength(1)
    expect(lines.join('\n')).not.toContain('guess-')
    expect(lines.join('\n')).not.toContain(group.invites.viewer)
  })
})
