import { expect, test } from '@playwright/test'
import { joinAs, livingGroup, openBoard } from './support/demo.ts'
import { seriousOrWorse } from './support/axe.ts'

test('join, group home and every board part have no serious or critical axe violations', async ({
  browser,
}) => {
  const group = livingGroup()
  const context = await browser.newContext()
  const join = await context.newPage()
  await join.goto(`/join#${group.invites.participant}`)
  await join.getByLabel('Ditt namn').waitFor()
  expect(await seriousOrWorse(join)).toEqual([])

  const page = await joinAs(browser, group.invites.facilitator, 'Axel Granskare', 'Hedemora kommun')
  expect(await seriousOrWorse(page)).toEqual([])
  for (const part of ['agenda', 'matris', 'pdsa', 'checklista'] as const) {
    await openBoard(page, /^BM1/, part)
    await page.locator('.board-part').waitFor()
    expect(await seriousOrWorse(page), part).toEqual([])
  }
})

test('the board works on a phone and on a projector', async ({ browser }) => {
  const group = livingGroup()
  for (const viewport of [
    { width: 375, height: 812, name: 'phone' },
    { width: 1920, height: 1080, name: 'projector' },
  ]) {
    const page = await joinAs(
      browser,
      group.invites.participant,
      `Skärm ${viewport.name}`,
      'Fagersta kommun',
    )
    await page.setViewportSize(viewport)
    await openBoard(page, /^BM1/, 'matris')
    // Nothing forces the page wider than the screen (tables scroll inside their box).
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    )
    expect(overflow).toBeLessThanOrEqual(1)
    // The header's status, language and leave button share one row, even on a phone.
    const tops = await page
      .locator('.header-actions > *')
      .evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)))
    expect(Math.max(...tops) - Math.min(...tops), `tops ${tops}`).toBeLessThan(30)
    await page.screenshot({
      path: test.info().outputPath(`matrix-${viewport.name}.png`),
      fullPage: true,
    })
    expect(await seriousOrWorse(page)).toEqual([])

    // The checklist fits the screen too: nothing in it reaches past the right edge, not
    // even inside a scrolling box (its table was 726 px wide on a 375 px phone).
    await openBoard(page, /^BM1/, 'checklista')
    await page
      .getByTestId(/^checklist-score-/)
      .first()
      .waitFor()
    const beyond = await page
      .locator('.checklist')
      .evaluate((checklist) =>
        Math.max(
          ...[checklist, ...checklist.querySelectorAll('*')].map(
            (element) => element.getBoundingClientRect().right - window.innerWidth,
          ),
        ),
      )
    expect(beyond, 'px past the right edge').toBeLessThanOrEqual(0)
    await page.screenshot({
      path: test.info().outputPath(`checklist-${viewport.name}.png`),
      fullPage: true,
    })
    expect(await seriousOrWorse(page)).toEqual([])
  }
})

test('the skip link moves keyboard focus to the main content', async ({ browser }) => {
  const group = livingGroup()
  const page = await joinAs(browser, group.invites.participant, 'Sara Tangent', 'Fagersta kommun')
  await openBoard(page, /^BM1/, 'agenda')
  // A fresh load, so the first Tab starts at the top of the document.
  await page.reload()
  await page.locator('.board-part').waitFor()
  const inMain = () => page.evaluate(() => document.activeElement?.closest('main') !== null)
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Hoppa till innehållet' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect.poll(inMain).toBe(true)
  // The next Tab continues in the content, not in the header.
  await page.keyboard.press('Tab')
  await expect.poll(inMain).toBe(true)
  await page.context().close()
})
