/**
 * `npm run bench:client`: how fast the built client shows a board, in headless Chromium
 * against the real server (temporary database with the demo round, port BENCH_PORT).
 * Prints, as medians of BENCH_RUNS navigations:
 * - the initial JS (what index.html loads before anything runs, gzip) and the JS a first
 *   visit to a board fetched in all;
 * - first board content for a returning participant (their own browser, with a profile on
 *   disk: its HTTP cache, the device's IndexedDB copy of the group and its painted board),
 *   from navigation, unthrottled and on a throttled 1.6 Mbps / 150 ms connection (CDP
 *   Network.emulateNetworkConditions); unthrottled also in a private window; each as first
 *   content (the painted board or the live one) and as the live board;
 * - the same for a first visit on the throttled connection (empty cache and no local copy).
 * Targets (issue 14): returning ≤ 300 ms, throttled returning ≤ 2 s, initial JS ≤ 70 kB.
 * Not a test: the figures vary with the machine's load, so read the medians.
 *
 * Env: BENCH_PORT (3199), BENCH_RUNS (9), BENCH_CLIENT_DIR (a built client; else built now).
 */
import type { Browser, BrowserContext, Page } from '@playwright/test'
import {
  clientBuild,
  gzipBytesOf,
  initialJs,
  launchBrowserProfile,
  launchChromium,
  openPrivateWindow,
  startProduct,
  type Device,
} from './browser/product.ts'
import type { BoardContentTimes } from './browser/first-content.ts'
import { firstVisit, joinBoard, timedVisit } from './browser/returning.ts'
import { envNumber } from './env.ts'
import { median } from './metrics.ts'

const port = envNumber('BENCH_PORT', 3199)
const runs = envNumber('BENCH_RUNS', 9)
/** 1.6 Mbps both ways, 150 ms added to every request (Chrome DevTools' "Fast 3G" is similar). */
const THROTTLED = {
  offline: false,
  latency: 150,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 1_600_000 / 8,
}

/** kB as vite prints them (1000 bytes), so the figures compare with `npx vite build`. */
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`
const ms = (values: number[]) =>
  `median ${median(values).toFixed(0)} ms  (runs: ${values.map((v) => v.toFixed(0)).join(', ')})`

async function throttle(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', THROTTLED)
}

/** One navigation in a new tab of the device, on the throttled connection or not. */
const visit = (
  context: BrowserContext,
  url: string,
  throttled: boolean,
): Promise<BoardContentTimes> =>
  timedVisit(context, url, throttled ? (page) => throttle(context, page) : undefined)

/** First board content (the device's painted board or the live one) and the live board's. */
const both = (visits: BoardContentTimes[]) =>
  `${ms(visits.map((v) => v.firstMs))}\n    the live board: ${ms(visits.map((v) => v.liveMs))}`

async function main() {
  const build = clientBuild()
  const initial = initialJs(build.dir)
  const product = await startProduct({ port, clientDir: build.dir })
  // Inside the try: a Chromium that fails to start must not leave the server running on
  // the port, where the next run's start-up check would find it and time it instead.
  let browser: Browser | null = null
  const devices: Device[] = []
  const device = async (opened: Promise<Device>) => {
    const made = await opened
    devices.push(made)
    return made.context
  }
  try {
    browser = await launchChromium()

    // First visit, in the participant's own browser: what JS the board needed in all.
    const own = await device(launchBrowserProfile())
    const url = await joinBoard(own, product, 'Bänk Återkommande')
    const scripts = new Set<string>()
    const { liveMs: firstVisitMs } = await firstVisit(own, url, async (page) => {
      page.on('response', (response) => {
        const path = new URL(response.url()).pathname
        if (path.startsWith('/assets/') && path.endsWith('.js')) scripts.add(path)
      })
    })
    const boardJs = [...scripts].reduce((sum, file) => sum + gzipBytesOf(build.dir, file), 0)
    const inPrivate = await device(openPrivateWindow(browser))
    const privateUrl = await joinBoard(inPrivate, product, 'Bänk Privat')
    await firstVisit(inPrivate, privateUrl)

    // The two devices' visits alternate, so both meet the machine in the same state.
    const returning: BoardContentTimes[] = []
    const returningPrivate: BoardContentTimes[] = []
    for (let i = 0; i < runs; i++) {
      const ownFirst = i % 2 === 0
      if (ownFirst) returning.push(await visit(own, url, false))
      returningPrivate.push(await visit(inPrivate, privateUrl, false))
      if (!ownFirst) returning.push(await visit(own, url, false))
    }
    const returningThrottled: BoardContentTimes[] = []
    for (let i = 0; i < runs; i++) returningThrottled.push(await visit(own, url, true))

    const firstThrottled: BoardContentTimes[] = []
    for (let i = 0; i < Math.min(runs, 5); i++) {
      const fresh = await openPrivateWindow(browser)
      try {
        const freshUrl = await joinBoard(fresh.context, product, `Bänk Ny ${i + 1}`)
        firstThrottled.push(await visit(fresh.context, freshUrl, true))
      } finally {
        await fresh.close()
      }
    }

    console.info(
      `initial JS (index.html's script and modulepreloads, gzip): ${kB(initial.gzipBytes)}`,
    )
    console.info(`  ${initial.files.join(', ')}`)
    console.info(
      `JS a first visit to a board fetched (gzip): ${kB(boardJs)} in ${scripts.size} files`,
    )
    console.info(`first visit, unthrottled: ${firstVisitMs.toFixed(0)} ms`)
    console.info(`returning participant, first board content: ${both(returning)}`)
    console.info(`  the same in a private window: ${both(returningPrivate)}`)
    console.info(`returning participant, 1.6 Mbps / 150 ms: ${both(returningThrottled)}`)
    console.info(`first visit, 1.6 Mbps / 150 ms: ${both(firstThrottled)}`)
    console.info('targets: returning ≤ 300 ms, throttled returning ≤ 2000 ms, initial JS ≤ 70 kB')
  } finally {
    for (const made of devices) await made.close()
    await browser?.close()
    await product.stop()
    build.remove()
  }
}

await main()
