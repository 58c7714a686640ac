/**
 * When the board first shows content: an init script polls every animation frame (rAF runs
 * right before the frame is painted) for an agenda title input holding text, and reports
 * the time of the first such frame, in ms since navigation started (performance.now()), as
 * a console message: once for the first content on screen, the device's painted board
 * (client/src/painted) or the live one, and once for the live board, the one that edits.
 *
 * A console message reaches Playwright through the DevTools protocol alone. Waiting with
 * `page.waitForFunction` instead made Playwright compile its injected script into the page
 * and poll it while the board was loading: ~30 ms of the page's main thread inside the
 * window being measured (a trace of a returning visit).
 */
import type { BrowserContext, Page } from '@playwright/test'

const FIRST_CONTENT = 'bench:first-board-content'
const LIVE_CONTENT = 'bench:live-board-content'

/** A visit's first board content and its live board's, ms from navigation. */
export interface BoardContentTimes {
  firstMs: number
  liveMs: number
}

/** Installed on a context: every page of it reports its first board content. */
export async function recordFirstBoardContent(context: BrowserContext): Promise<void> {
  // A string, not a function: tsx would wrap a named inner function in a helper the page
  // does not have.
  await context.addInitScript({
    content: `(() => {
      const shows = (selector) => {
        const input = document.querySelector(selector)
        return Boolean(input && input.value)
      }
      let first = false
      const look = () => {
        const live = shows('[data-testid="agenda-title"]')
        if (!first && (live || shows('[data-painted-testid="agenda-title"]'))) {
          first = true
          console.debug('${FIRST_CONTENT}', performance.now())
        }
        if (live) console.debug('${LIVE_CONTENT}', performance.now())
        else requestAnimationFrame(look)
      }
      requestAnimationFrame(look)
    })()`,
  })
}

/** The time a console report of `kind` gives, once the page makes it. */
async function reported(page: Page, kind: string): Promise<number> {
  const message = await page.waitForEvent('console', {
    predicate: (candidate) => candidate.text().startsWith(kind),
    timeout: 30_000,
  })
  const at = Number(message.text().slice(kind.length))
  if (!Number.isFinite(at)) throw new Error(`unexpected report: ${message.text()}`)
  return at
}

/** Navigates and waits for the board's first content and its live board, from navigation. */
export async function timeFirstBoardContent(page: Page, url: string): Promise<BoardContentTimes> {
  const first = reported(page, FIRST_CONTENT)
  const live = reported(page, LIVE_CONTENT)
  await page.goto(url, { waitUntil: 'commit' })
  return { firstMs: await first, liveMs: await live }
}
