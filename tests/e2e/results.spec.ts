import { expect, test, type Browser, type Page } from '@playwright/test'
import { freshMeeting, joinAs, livingGroup, openBoard } from './support/demo.ts'
import { seriousOrWorse } from './support/axe.ts'

/** Askersund's BM1 row of the totals table ("17 av 30"), as a number. */
const bm1Total = async (page: Page) => {
  const text = await page
    .getByTestId('results-kommun-askersund')
    .locator('tr[data-phase="bm1"] [data-testid="results-total"]')
    .innerText()
  return Number(/^(\d+) av 30/.exec(text)?.[1])
}

test('scores entered on the board show on the results page at once, with the criterion and the plans', async ({
  browser,
}) => {
  const group = livingGroup()
  const anna = await joinAs(browser, group.invites.facilitator, 'Anna Resultat', 'Hedemora kommun')
  const bo = await joinAs(browser, group.invites.viewer, 'Bo Åhörare')

  // Bo (a viewer) reaches the results from the group home by keyboard alone.
  await expect(bo.getByTestId('results-summary')).toContainText('Askersunds kommun')
  const link = bo.getByRole('link', { name: 'Visa resultat' })
  for (let i = 0; i < 40 && !(await link.evaluate((el) => el === document.activeElement)); i++)
    await bo.keyboard.press('Tab')
  await expect(link).toBeFocused()
  await bo.keyboard.press('Enter')
  await bo.waitForURL(/\/resultat$/)
  await expect(bo.getByRole('heading', { level: 1, name: 'Resultat' })).toBeVisible()
  const askersund = bo.getByTestId('results-kommun-askersund')
  await expect(askersund.getByRole('img', { name: /Diagram över summa poäng/ })).toBeVisible()
  await expect(askersund.locator('canvas')).toBeVisible() // uPlot loaded and drew

  // The demo's uppstart: 15 of 30, not yet a Modellkommun, the 1s named by item.
  const uppstart = askersund.locator('tr[data-phase="uppstart"]')
  await expect(uppstart.getByTestId('results-total')).toHaveText('15 av 30')
  await expect(uppstart.getByTestId('results-criterion')).toContainText(
    '1:or på punkt 4, 6, 7, 8, 9, 10',
  )
  // Item by item: one score per phase, labelled by the column, not a run of words.
  await expect(askersund.getByTestId('results-item-1').locator('td').first()).toHaveText('3')

  // PDSA: every plan under its own number and organisation, with where it is followed up.
  const plans = bo.getByTestId('results-plan')
  await expect(plans.filter({ hasText: 'Plan 1 – Askersunds kommun' })).toContainText('Följs upp')

  // Anna raises Askersund's item 10 at BM1 on the board; Bo's page follows without a reload.
  const before = await bm1Total(bo)
  await openBoard(anna, /^BM1/, 'checklista')
  const item10 = anna.getByRole('group', { name: 'Poäng för Askersunds kommun, punkt 10' })
  const checked = item10.locator('input:checked')
  const was = (await checked.count()) > 0 ? Number(await checked.getAttribute('value')) : 0
  expect(was, 'the demo scores item 10 below 3').toBeLessThan(3)
  await item10.getByRole('radio', { name: /^3/ }).check()
  const raised = before + 3 - was
  await expect.poll(() => bm1Total(bo)).toBe(raised)
  await expect(askersund.getByTestId('results-item-10').locator('td[data-label="BM1"]')).toHaveText(
    '3',
  )
  // The board's cell shows the earlier phase as a labelled figure.
  const earlier = anna
    .locator('td', { has: item10 })
    .locator('.earlier-score', { hasText: 'Uppstart' })
  await expect(earlier.locator('dd')).toHaveText('1')

  await bo.screenshot({ path: test.info().outputPath('results-desktop.png'), fullPage: true })
  expect(await seriousOrWorse(bo)).toEqual([])

  // On the group home the summary follows too.
  await bo.getByRole('link', { name: 'Tillbaka till gruppens startsida' }).click()
  await expect(bo.getByTestId('results-summary')).toContainText(`BM1, ${raised} av 30 poäng`)
  await bo.getByTestId('results-summary').screenshot({
    path: test.info().outputPath('home-summary.png'),
  })
  expect(await seriousOrWorse(bo)).toEqual([])

  await anna.context().close()
  await bo.context().close()
})

test('the results fit a phone and a projector', async ({ browser }) => {
  const group = livingGroup()
  const page = await joinAs(browser, group.invites.participant, 'Cia Telefon', 'Fagersta kommun')
  const results = page.url().replace(/\/g\/([^/]+).*$/, '/g/$1/resultat')
  for (const viewport of [
    { width: 375, height: 812, name: 'phone' },
    { width: 1920, height: 1080, name: 'projector' },
  ]) {
    await page.setViewportSize(viewport)
    await page.goto(results)
    await page.getByTestId('results-kommun-fagersta').locator('canvas').waitFor()
    // Nothing reaches past the right edge: the page does not scroll sideways.
    const beyond = await page.evaluate(() =>
      Math.max(
        document.documentElement.scrollWidth - window.innerWidth,
        ...[...document.querySelectorAll('.results-page *')].map(
          (el) => el.getBoundingClientRect().right - window.innerWidth,
        ),
      ),
    )
    expect(beyond, viewport.name).toBeLessThanOrEqual(1)
    await page.screenshot({
      path: test.info().outputPath(`results-${viewport.name}.png`),
      fullPage: true,
    })
    expect(await seriousOrWorse(page), viewport.name).toEqual([])
  }
  await page.context().close()
})

/** A viewer's browser showing the projector view of the meeting `board` has open. */
async function projectorFor(browser: Browser, board: Page): Promise<Page> {
  const projector = await joinAs(browser, livingGroup().invites.viewer, 'Projektorn')
  await projector.setViewportSize({ width: 1920, height: 1080 })
  await projector.goto(`${new URL(board.url()).pathname}/visning`)
  await projector.getByTestId('projector').waitFor()
  return projector
}

/** Askersund's total of a phase in the board's results table ("15 av 30" → 15). */
const boardTotal = async (page: Page, phase: string) =>
  Number(
    /^(\d+) av 30/.exec(
      await page
        .getByTestId('board-results')
        .getByTestId('results-kommun-askersund')
        .locator(`tr[data-phase="${phase}"] [data-testid="results-total"]`)
        .innerText(),
    )?.[1],
  )

test('the Resultat tab of the board shows the results read-only, and the facilitator takes the room and the projector there', async ({
  browser,
}) => {
  const group = livingGroup()
  const anna = await joinAs(browser, group.invites.facilitator, 'Anna Tavla', 'Hedemora kommun')
  const meeting = await freshMeeting(anna, `Resultatprov ${Date.now()}`)
  const bo = await joinAs(browser, group.invites.participant, 'Bo Tavla', 'Askersunds kommun')
  await openBoard(bo, meeting, 'agenda')

  // Bo reaches the tab by keyboard alone.
  const tab = bo
    .getByRole('navigation', { name: 'Delar av arbetsytan' })
    .getByRole('link', { name: 'Resultat' })
  for (let i = 0; i < 40 && !(await tab.evaluate((el) => el === document.activeElement)); i++)
    await bo.keyboard.press('Tab')
  await expect(tab).toBeFocused()
  await bo.keyboard.press('Enter')
  await bo.waitForURL(/del=resultat/)
  await expect(tab).toHaveAttribute('aria-current', 'page')
  const results = bo.getByTestId('board-results')
  const askersund = results.getByTestId('results-kommun-askersund')
  await expect(
    askersund.getByRole('heading', { level: 3, name: 'Askersunds kommun' }),
  ).toBeVisible()
  await expect(
    askersund.locator('tr[data-phase="uppstart"] [data-testid="results-total"]'),
  ).toHaveText(/^\d+ av 30$/)
  await expect(askersund.locator('canvas')).toBeVisible() // uPlot loaded on the board too
  // Read-only for everyone: nothing to type in or tick (the tabs and links are outside).
  expect(await results.locator('input, textarea, select, button, [contenteditable]').count()).toBe(
    0,
  )
  await bo.screenshot({ path: test.info().outputPath('board-results.png'), fullPage: true })
  expect(await seriousOrWorse(bo)).toEqual([])

  // Bo goes back to the agenda; Anna leads and opens Resultat: Bo follows, and so does the
  // projector, which shows the totals per organisation in large type.
  await bo
    .getByRole('navigation', { name: 'Delar av arbetsytan' })
    .getByRole('link', { name: 'Agenda' })
    .click()
  await bo.waitForURL(/del=agenda/)
  await openBoard(anna, meeting, 'agenda')
  const projector = await projectorFor(browser, anna)
  await anna.getByRole('button', { name: 'Led mötet' }).click()
  await anna
    .getByRole('navigation', { name: 'Delar av arbetsytan' })
    .getByRole('link', { name: 'Resultat' })
    .click()
  await bo.waitForURL(/del=resultat/)
  await expect(projector.getByTestId('projector-part')).toHaveText('Resultat')
  const onScreen = projector.getByTestId('projector-results-kommun-askersund')
  const uppstart = onScreen.locator(
    'tr[data-phase="uppstart"] [data-testid="projector-results-total"]',
  )
  await expect(uppstart).toHaveText(String(await boardTotal(bo, 'uppstart')))
  // The criterion in words beside the figures, and what keeps the last phase from it.
  await expect(onScreen.locator('.projector-results-criterion').first()).toHaveText(
    /^(✓ Ja|✗ Inte ännu)$/,
  )
  await expect(onScreen.getByTestId('projector-results-latest')).toContainText(/^Efter /)
  await expect(
    onScreen.getByRole('img', { name: /Diagram över summa poäng för Askersunds kommun/ }),
  ).toBeVisible()
  await expect(onScreen.locator('canvas')).toBeVisible()
  for (const [width, height] of [
    [1920, 1080],
    [1280, 720],
  ] as const) {
    await projector.setViewportSize({ width, height })
    // Everything on the screen: neither the page, the stage nor the side panel overflows.
    await expect
      .poll(() =>
        projector.evaluate(() =>
          [
            document.documentElement,
            ...document.querySelectorAll('.projector-stage, .projector-side'),
          ].map((el) =>
            Math.max(el.scrollHeight - el.clientHeight, el.scrollWidth - el.clientWidth),
          ),
        ),
      )
      .toEqual([0, 0, 0])
    // Readable from the back: the figures at least 28 px tall on the full-HD screen.
    if (width === 1920)
      expect(
        await uppstart.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
      ).toBeGreaterThanOrEqual(28)
    await projector.screenshot({
      path: test.info().outputPath(`projector-results-${width}x${height}.png`),
    })
  }
  expect(await seriousOrWorse(projector)).toEqual([])

  for (const page of [anna, bo, projector]) await page.context().close()
})
