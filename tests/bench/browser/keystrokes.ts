/**
 * Keystroke-to-paint on a board: a participant types into the first matrix answer; for each
 * key, the time from its keydown (the event's timeStamp, so a busy main thread's input delay
 * counts) to the first task after the next animation frame, i.e. once the frame showing the
 * change has been produced.
 */
import type { Browser } from '@playwright/test'

declare global {
  interface Window {
    __keystrokes?: number[]
  }
}

/** A string, not a function: tsx would wrap named inner functions in a helper the page lacks. */
const INSTRUMENT = `(() => {
  window.__keystrokes = []
  document.addEventListener('keydown', (event) => {
    const pressed = event.timeStamp
    // The key's input (the DOM change and everything it runs) is dispatched in this same
    // task, so the next frame is the first that can show it.
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => window.__keystrokes.push(performance.now() - pressed)
      channel.port2.postMessage(0)
    })
  }, true)
})()`

export async function measureKeystrokes(
  browser: Browser,
  options: { base: string; invite: string; path: string; keystrokes: number },
): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
  try {
    await context.addInitScript({ content: INSTRUMENT })
    const joined = await context.request.post(`${options.base}/api/join`, {
      data: { invite: options.invite, name: 'Bänk Skrivare' },
    })
    if (!joined.ok()) throw new Error(`join failed: ${joined.status()}`)
    const page = await context.newPage()
    await page.goto(`${options.base}${options.path}`)
    await page
      .getByTestId('connection-status')
      .and(page.locator('[data-status="connected"]'))
      .waitFor()
    const field = page.locator('textarea[data-testid^="matrix-cell-"]').first()
    await field.waitFor()
    await field.click()
    await page.keyboard.press('Control+End')
    await page.evaluate(() => (window.__keystrokes = []))
    // ASCII only: Playwright types a key outside the US layout (å, ä, ö) as inserted text,
    // without a keydown.
    const text = 'Vi redovisar nyckeltalen per kon varje kvartal och analyserar skillnaderna. '
    const keys = Array.from({ length: options.keystrokes }, (_, i) => text[i % text.length]!)
    for (const key of keys) {
      await page.keyboard.type(key)
      // About a fast typist's pace; each key is dispatched once the previous one was.
      await page.waitForTimeout(60)
    }
    await page.waitForFunction(
      (count) => (window.__keystrokes?.length ?? 0) >= count,
      options.keystrokes,
    )
    const typed = await field.inputValue()
    if (!typed.endsWith(keys.join('').slice(-20)))
      throw new Error('the keys did not reach the field')
    return await page.evaluate(() => window.__keystrokes ?? [])
  } finally {
    await context.close()
  }
}
