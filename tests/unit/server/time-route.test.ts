import { describe, expect, it } from 'vitest'
import { createTimeRoutes } from '../../../server/routes/time.ts'
import { offsetFrom } from '../../../client/src/sync/server-clock.ts'

describe('the server clock', () => {
  it('GET /time answers the server clock, never cached', async () => {
    const app = createTimeRoutes(() => 1_700_000_000_000)
    const response = await app.request('/time')
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual({ now: 1_700_000_000_000 })
  })

  it('a client clock three minutes behind learns an offset of three minutes', () => {
    const server = 1_700_000_000_000
    const device = server - 180_000
    // 40 ms round trip; the server read its clock halfway.
    const sample = { sentAt: device, receivedAt: device + 40, serverNow: server + 20 }
    expect(offsetFrom(sample)).toBe(180_000)
  })
})
