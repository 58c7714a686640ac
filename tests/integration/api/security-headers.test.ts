import { writeFileSync } from 'node:fs'
import { join as joinPath } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { json, startApi, type ApiHarness } from './harness.ts'

/** The directives of a Content-Security-Policy header, by name. */
const directives = (header: string | null): Map<string, string[]> =>
  new Map(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  )

describe('security headers', () => {
  let api: ApiHarness
  let https: ApiHarness

  beforeAll(async () => {
    api = await startApi()
    // The harness serves its temp folder as the client: give it a page.
    writeFileSync(joinPath(api.config.clientDir, 'index.html'), '<!doctype html><title>x</title>')
    https = await startApi({ PUBLIC_URL: 'https://modellrummet.example' })
  })
  afterAll(async () => {
    await api.close()
    await https.close()
  })

  it('sends CSP, frame-ancestors, nosniff and Referrer-Policy on pages, API answers and errors', async () => {
    const responses = {
      page: await api.app.request('/g/some-room', { headers: { host: 'localhost:3107' } }),
      api: await api.app.request('/api/invitations/preview', json({ invite: 'x'.repeat(43) })),
      notFound: await api.app.request('/api/nope'),
      health: await api.app.request('/healthz'),
    }
    expect(responses.page.headers.get('content-type')).toMatch(/^text\/html/)
    for (const [what, response] of Object.entries(responses)) {
      const csp = directives(response.headers.get('content-security-policy'))
      expect(csp.get('default-src'), what).toEqual(["'self'"])
      expect(csp.get('script-src'), what).toEqual(["'self'"])
      expect(csp.get('style-src'), what).toEqual(["'self'"])
      expect(csp.get('img-src'), what).toEqual(["'self'", 'data:', 'blob:'])
      expect(csp.get('object-src'), what).toEqual(["'none'"])
      expect(csp.get('frame-ancestors'), what).toEqual(["'none'"])
      expect(response.headers.get('x-content-type-options'), what).toBe('nosniff')
      expect(response.headers.get('referrer-policy'), what).toBe('no-referrer')
      expect(response.headers.get('x-frame-options'), what).toBe('DENY')
      expect(response.headers.get('strict-transport-security'), what).toBeNull()
    }
    // The relay on the page's own host and on PUBLIC_URL's, and nothing else.
    expect(
      directives(responses.page.headers.get('content-security-policy')).get('connect-src'),
    ).toEqual([
      "'self'",
      'ws://localhost:3000',
      'wss://localhost:3000',
      'ws://localhost:3107',
      'wss://localhost:3107',
    ])
  })

  it('keeps a Host header that is not a host out of the policy', async () => {
    const response = await api.app.request('/healthz', {
      headers: { host: "evil; script-src 'unsafe-inline'" },
    })
    const csp = directives(response.headers.get('content-security-policy'))
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(csp.get('connect-src')).toEqual([
      "'self'",
      'ws://localhost:3000',
      'wss://localhost:3000',
    ])
  })

  it('sends HSTS only with an https PUBLIC_URL', async () => {
    const response = await https.app.request('/healthz')
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000')
    expect(
      directives(response.headers.get('content-security-policy')).get('connect-src'),
    ).toContain('wss://modellrummet.example')
  })
})
