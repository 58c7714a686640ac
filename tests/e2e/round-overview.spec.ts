import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { joinAs, livingGroup } from './support/demo.ts'
import { seriousOrWorse } from './support/axe.ts'

const ROUND = 'modellkommuner-2019-2020'

/** Axe finds nothing serious, and at 375 px wide nothing but the tables' own boxes scrolls. */
async function checkPage(page: Page, name: string) {
  expect(await seriousOrWorse(page), name).toEqual([])
  const size = page.viewportSize()
  await page.setViewportSize({ width: 375, height: 812 })
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  )
  expect(overflow, `${name} at 375 px`).toBeLessThanOrEqual(1)
  expect(await seriousOrWorse(page), `${name} at 375 px`).toEqual([])
  await page.screenshot({ path: `test-results/e2e/round-overview-${name}-375.png`, fullPage: true })
  if (size) await page.setViewportSize(size)
}

/** This spec's own round lead link (support/serve.mjs makes one per spec that needs one). */
const leadLink = () => {
  const { url } = JSON.parse(readFileSync('test-results/e2e-lead-overview.json', 'utf8')) as {
    url: string
  }
  const link = new URL(url)
  return `${link.pathname}${link.hash}`
}

test('the round lead opens the round overview by keyboard: tables with captions, every group', async ({
  browser,
}) => {
  const lead = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 } })
  ).newPage()
  await lead.goto(leadLink())
  await lead.getByLabel('Ditt namn').fill('Olga Översikt')
  await lead.getByRole('button', { name: 'Fortsätt' }).click()
  await lead.waitForURL(/\/omgang$/)
  await lead.goto(`/omgang/${ROUND}`)
  const link = lead.getByRole('link', { name: 'Översikt över grupperna' })
  await link.focus()
  await lead.keyboard.press('Enter')
  await lead.waitForURL(/\/oversikt$/)

  await expect(lead.getByRole('heading', { level: 1 })).toContainText('Omgångens översikt')
  const items = lead.getByRole('table', { name: /Medelvärde av skattningarna/ })
  await expect(items.locator('tbody tr')).toHaveCount(10)
  // Askersund and Fagersta both scored item 1 with a 3 at uppstart (the demo board).
  await expect(
    items.locator('tbody tr').first().locator('td[data-phase="uppstart"]'),
  ).not.toHaveText('–')
  await expect(
    lead.getByRole('rowheader', { name: /Den politiska församlingen har tagit beslut/ }),
  ).toBeVisible()
  const groups = lead.getByRole('table', { name: /Varje grupp i omgången/ })
  await expect(groups.locator('tbody tr')).toHaveCount(6)
  const living = groups.locator('tr[data-group="askersund-fagersta"]')
  // Its five dated meetings are held; other specs add undated meetings to this group (the
  // e2e run shares one database), which count as planned but not held.
  await expect(living.getByTestId('overview-held')).toHaveText(/^5 av \d+/)
  await expect(lead.getByRole('table', { name: /kriteriet/ })).toBeVisible()
  await expect(lead.getByRole('table', { name: /förbättringsplaner/ })).toBeVisible()

  // The scrolling table boxes are reached by Tab (a phone's reader scrolls them by keys).
  let reached = false
  for (let i = 0; i < 12 && !reached; i += 1) {
    await lead.keyboard.press('Tab')
    reached = await lead.evaluate(() =>
      Boolean(document.activeElement?.classList.contains('table-scroll')),
    )
  }
  expect(reached).toBe(true)
  await checkPage(lead, 'lead')
})

test('a facilitator reads the round overview from the group home; a participant is not offered it', async ({
  browser,
}) => {
  const group = livingGroup()
  const mentor = await joinAs(browser, group.invites.facilitator, 'Fia Översikt', 'Hedemora kommun')
  await mentor.getByRole('link', { name: 'Hela omgångens översikt' }).click()
  await mentor.waitForURL(/\/omgang$/)
  await expect(mentor.getByText('Här kan inget ändras')).toBeVisible()
  await expect(
    mentor.getByRole('table', { name: /Varje grupp i omgången/ }).locator('tbody tr'),
  ).toHaveCount(6)
  await checkPage(mentor, 'facilitator')

  const participant = await joinAs(browser, group.invites.participant, 'Pelle Deltagare')
  await expect(participant.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(participant.getByRole('link', { name: 'Hela omgångens översikt' })).toHaveCount(0)
})
