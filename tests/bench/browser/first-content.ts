/**
 * When the board first shows content: an init script polls every animation frame (rAF runs
 * right before the frame is painted) for an agenda title input holding text, and keeps the
 * time of the first such frame, in ms since navigation started (performance.now()).
 */
import type { BrowserContext, Page } from '@playwright/test'

declare global {
  interface Window {
    __firstBoardContent?: number
  }
}

/** Installed on a context: every page of it records its first board content. */
export async function recordFirstBoardContent(context: BrowserContext): Promise<void> {
  // A string, not a function: tsx would wrap a named inner function in a helper the page
  // does not have.
  await context.addInitScript({
    content: `(() => {
      const look = () => {
        const input = document.querySelector('[data-testid="agenda-title"]')
        if (input && input.value) window.__firstBoardContent = performance.now()
        else requestAnimationFrame(look)
      }
      requestAnimationFrame(look)
    })()`,
  })
}

/** Navigates and waits for the board's first content; its time from navigation, ms. */
export async function timeFirstBoardContent(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' })
  await page.waitForFunction(() => window.__firstBoardContent !== undefined, null, {
    timeout: 30_000,
    polling: 50,
  })
  return page.evaluate(() => window.__firstBoardContent ?? Number.NaN)
}
