import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'

/** Vite names built assets by their content hash: they never change under one name. */
const IMMUTABLE = 'public, max-age=31536000, immutable'

/**
 * Serves the built client (dist/client) and falls back to index.html for the client's own
 * routes (/join, /g/…), so deep links and reloads work. Assets are sent precompressed
 * (brotli or gzip, written at build time by vite.config.ts) and cached for good; source
 * maps are built for our own debugging but never served.
 */
export function createClientRoutes(clientDir: string) {
  const app = new Hono()
  const root = resolve(clientDir)
  const index = join(root, 'index.html')
  app.get('*', async (c, next) => {
    if (c.req.path.endsWith('.map')) return c.notFound()
    await next()
    if (c.req.path.startsWith('/assets/') && c.res.status === 200)
      c.res.headers.set('Cache-Control', IMMUTABLE)
  })
  if (existsSync(root))
    app.use(
      '*',
      serveStatic({
        root: relative(process.cwd(), root) || '.',
        precompressed: true,
      }),
    )
  app.get('*', async (c) => {
    if (!existsSync(index)) {
      return c.text(
        'The client is not built. Run `npm run build` (npm start does it for you).',
        503,
      )
    }
    c.header('Cache-Control', 'no-cache')
    return c.html(await readFile(index, 'utf8'))
  })
  return app
}
