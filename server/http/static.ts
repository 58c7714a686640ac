import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'

/**
 * Serves the built client (dist/client) and falls back to index.html for the client's own
 * routes (/join, /g/…), so deep links and reloads work.
 */
export function createClientRoutes(clientDir: string) {
  const app = new Hono()
  const root = resolve(clientDir)
  const index = join(root, 'index.html')
  if (existsSync(root)) app.use('*', serveStatic({ root: relative(process.cwd(), root) || '.' }))
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
