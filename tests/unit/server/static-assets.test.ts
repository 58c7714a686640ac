import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClientRoutes } from '../../../server/http/static.ts'

describe('the built client, as served', () => {
  let dir: string
  const script = 'console.log("modellrummet");'.repeat(100)

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mr-static-'))
    mkdirSync(join(dir, 'assets'))
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Modellrummet</title>')
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), script)
    writeFileSync(join(dir, 'assets', 'index-abc123.js.br'), brotliCompressSync(script))
    writeFileSync(join(dir, 'assets', 'index-abc123.js.gz'), gzipSync(script))
    writeFileSync(join(dir, 'assets', 'index-abc123.js.map'), '{"version":3}')
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('sends hashed assets precompressed and cached for good', async () => {
    const app = createClientRoutes(dir)
    const br = await app.request('/assets/index-abc123.js', {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    })
    expect(br.status).toBe(200)
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const gz = await app.request('/assets/index-abc123.js', {
      headers: { 'accept-encoding': 'gzip' },
    })
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    const plain = await app.request('/assets/index-abc123.js')
    expect(await plain.text()).toBe(script)
  })

  it('never serves source maps, and never caches the page itself', async () => {
    const app = createClientRoutes(dir)
    expect((await app.request('/assets/index-abc123.js.map')).status).toBe(404)
    const page = await app.request('/g/askersund')
    expect(page.status).toBe(200)
    expect(page.headers.get('cache-control')).toBe('no-cache')
  })
})
