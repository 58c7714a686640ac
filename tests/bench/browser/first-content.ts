/**
 * When the board first shows content: an init script polls every animation frame (rAF runs
 * right before the frame is painted) for an agenda title input holding text, and reports
 * the time of the first such frame, in ms since navigation started (performance.now()), as
 * a console message.
 *
 * A console message reaches Playwright through the DevTools protocol alone. Waiting with
 * `page.waitForFunction` instead made Playwright compile its injected script into the page
 * and poll it while the board was loading: ~30 ms of the page's main thread inside the
 * window being measured (a trace of a returning visit).
 */
import type { BrowserContext, Page } from '@playwright/test'

const FIRST_CONTENT = 'bench:first-board-content'

/** Installed on a context: every page of it reports its first board content. */
export async function recordFirstBoardContent(context: BrowserContext): Promise<void> {
  // A string, not a function: tsx would wrap a named inner function in a helper the page
  // does not have.
  await context.addInitScript({
    content: `(() => {
      const look = () => {
        const input = document.querySelector('[data-testid="agenda-title"]')
        if (input && input.value) console.debug('${FIRST_CONTENT}', performance.now())
        else requestAnimationFrame(look)
      }
      requestAnimationFrame(look)
    })()`,
  })
}

/** Navigates and waits for the board's first content; its time from navigation, ms. */
export async function timeFirstBoardContent(page: Page, url: string): Promise<number> {
  const reported = page.waitForEvent('console', {
    predicate: (message) => message.text().startsWith(FIRST_CONTENT),
    timeout: 30_000,
  })
  await page.goto(url, { waitUntil: 'commit' })
  const text = (await reported).text()
  const at = Number(text.slice(FIRST_CONTENT.length))
  if (!Number.isFinite(at)) throw new Error(`unexpected report: ${text}`)
  return at
}
