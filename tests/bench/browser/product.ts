/**
 * The product as the browser benches use it: the client built into a folder of their own
 * (never dist/, which the e2e run rebuilds), the real server spawned on its own port and a
 * temporary database seeded with the demo round through the documented CLI, as
 * tests/e2e/support/serve.mjs does for the e2e run.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext } from '@playwright/test'
import { chromiumLaunchOptions } from '../../e2e/support/browser.ts'
import type { DemoGroup } from '../../helpers/demo-round.ts'
import { spawnServer, type ServerProcess } from '../../helpers/server.ts'

/** Builds the client into `outDir` (vite, with its precompressed copies). */
function buildClient(outDir: string): void {
  const build = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (build.status !== 0) throw new Error('vite build failed')
}

/** The client's build: BENCH_CLIENT_DIR when given (already built), else built now. */
export function clientBuild(): { dir: string; remove(): void } {
  const given = process.env.BENCH_CLIENT_DIR
  if (given) return { dir: given, remove: () => undefined }
  const dir = mkdtempSync(join(tmpdir(), 'modellrummet-bench-client-'))
  console.info('building the client…')
  buildClient(dir)
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/**
 * What index.html makes the browser fetch before anything runs (the entry script and its
 * modulepreloads), gzip bytes as built: the "initial JS" of the client.
 */
export function initialJs(clientDir: string): { files: string[]; gzipBytes: number } {
  const html = readFileSync(join(clientDir, 'index.html'), 'utf8')
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!)
  return { files, gzipBytes: files.reduce((sum, file) => sum + gzipBytesOf(clientDir, file), 0) }
}

/** A built file's size as the server sends it gzip (its .gz copy; small files are sent plain). */
export function gzipBytesOf(clientDir: string, file: string): number {
  const path = join(clientDir, file.replace(/^\//, ''))
  return existsSync(`${path}.gz`)
    ? readFileSync(`${path}.gz`).byteLength
    : readFileSync(path).byteLength
}

export interface Product {
  url: string
  databaseUrl: string
  groups: DemoGroup[]
  server: ServerProcess
  stop(): Promise<void>
}

/**
 * A temporary database with the demo round (the CLI), then the server on `port` serving
 * `clientDir`.
 */
export async function startProduct(options: {
  port: number
  clientDir: string
  env?: Record<string, string>
}): Promise<Product> {
  const dir = mkdtempSync(join(tmpdir(), 'modellrummet-bench-'))
  const databaseUrl = `file:${join(dir, 'bench.db')}`
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PUBLIC_URL: `http://127.0.0.1:${options.port}`,
    LOG_LEVEL: 'warn',
  }
  const demo = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'demo', '--json'], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  if (demo.status !== 0) throw new Error('seeding the demo round failed')
  const groups = (JSON.parse(demo.stdout) as { groups: DemoGroup[] }).groups
  const server = await spawnServer(databaseUrl, options.port, {
    CLIENT_DIR: options.clientDir,
    LOG_LEVEL: 'warn',
    PUBLIC_URL: `http://127.0.0.1:${options.port}`,
    ...options.env,
  })
  return {
    url: server.url,
    databaseUrl,
    groups,
    server,
    async stop() {
      server.child.kill('SIGTERM')
      await server.exited
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ ...chromiumLaunchOptions(existsSync), headless: true })

/** A browser context and how to be rid of it. */
export interface Device {
  context: BrowserContext
  close(): Promise<void>
}

const VIEWPORT = { width: 1366, height: 900 }

/**
 * Chromium with a profile on disk (a temporary one, removed on close): a participant's own
 * browser, as a returning participant has it. A private window (`openPrivateWindow`, what
 * the client benches used before) showed the same build's returning visit later on this
 * machine: 356 against 289 ms (medians, 12 visits each, alternating), the gap opening after
 * the entry script had arrived (ARCHITECTURE.md § Client).
 */
export async function launchBrowserProfile(): Promise<Device> {
  const dir = mkdtempSync(join(tmpdir(), 'modellrummet-bench-profile-'))
  const context = await chromium.launchPersistentContext(dir, {
    ...chromiumLaunchOptions(existsSync),
    headless: true,
    viewport: VIEWPORT,
  })
  return {
    context,
    async close() {
      await context.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * A private window of `browser` (Playwright's contexts are off the record): cookies,
 * IndexedDB and the HTTP cache live in memory, as long as the window is open.
 */
export async function openPrivateWindow(browser: Browser): Promise<Device> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  return { context, close: () => context.close() }
}
