import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { joinAs, livingGroup, openBoard } from './support/demo.ts'
import { swedishLeftovers } from './support/swedish-leftovers.ts'

test('Swedish by default, English on request, remembered after a reload', async ({ browser }) => {
  const group = livingGroup()
  const page = await joinAs(browser, group.invites.participant, 'Lena Lang', 'Askersunds kommun')
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv')
  await expect(page.getByRole('button', { name: 'Lämna gruppen' })).toBeVisible()

  await page.getByRole('button', { name: 'In English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('button', { name: 'Leave the group' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Meetings' })).toBeVisible()
  // Domain texts switch too (meeting kinds from shared/domain).
  await expect(
    page.getByRole('link', { name: 'BM1 – Governance and management', exact: true }),
  ).toBeVisible()

  await page.reload()
  await expect(page.getByTestId('connection-status')).toHaveText(/Connected/)
  await page.getByRole('link', { name: 'BM1 – Governance and management', exact: true }).click()
  await page.getByRole('link', { name: 'Checklist', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Self-assessment: BM1' })).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('checklist-en.png'), fullPage: true })
  await page.getByRole('button', { name: 'På svenska' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv')
  await openBoard(page, /^BM1/, 'agenda')
})

/** This spec's own round lead link (support/serve.mjs makes one per spec that needs one). */
const leadLink = () => {
  const { url } = JSON.parse(readFileSync('test-results/e2e-lead-language.json', 'utf8')) as {
    url: string
  }
  const link = new URL(url)
  return `${link.pathname}${link.hash}`
}

/**
 * The page's main headings (h1, h2) once its h1 reads `title` and what it loads has come
 * (`section`, an h2 shown only then): none of them in Swedish.
 */
async function englishHeadings(page: Page, title: string | RegExp, section?: string) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  if (section) await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible()
  await page.waitForLoadState('networkidle')
  const headings = await page.locator('h1, h2').allInnerTexts()
  expect(swedishLeftovers(headings), `Swedish headings on ${page.url()}`).toEqual([])
}

test('the round lead’s pages and the group’s members, results and history pages read in English', async ({
  browser,
}) => {
  const ROUND = 'modellkommuner-2019-2020'
  const lead = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 } })
  ).newPage()
  await lead.goto(leadLink())
  await lead.getByLabel('Ditt namn').fill('Linnea Language')
  await lead.getByRole('button', { name: 'Fortsätt' }).click()
  await lead.waitForURL(/\/omgang$/)
  await lead.getByRole('button', { name: 'In English' }).click()
  await expect(lead.locator('html')).toHaveAttribute('lang', 'en')
  await englishHeadings(lead, 'Rounds', 'More round leads')

  await lead.goto(`/omgang/${ROUND}`)
  await englishHeadings(lead, 'Modellkommuner 2019–2020', 'Groups')

  await lead.goto(`/omgang/${ROUND}/logg`)
  await englishHeadings(lead, /^Log\b/)

  // Entered as the group's processledare: the group's own pages.
  const group = livingGroup()
  await lead.goto(`/omgang/${ROUND}`)
  await lead
    .getByTestId('group-card')
    .filter({ hasText: group.name })
    .getByRole('button', { name: 'Open the group' })
    .click()
  await lead.waitForURL(/\/g\/[\w-]+$/)
  await expect(lead.getByRole('link', { name: 'Rounds' })).toBeVisible()
  for (const [path, title, section] of [
    ['medlemmar', 'Members and invitations', 'New invitation'],
    ['resultat', 'Results', undefined],
    ['historik', 'Version history', 'Versions'],
  ] as const) {
    await lead.goto(`/g/${group.room}/${path}`)
    // The history lists versions once one is kept (a fresh demo group has none yet).
    if (path === 'historik') await lead.getByRole('button', { name: 'Keep a version now' }).click()
    await englishHeadings(lead, title, section)
  }
})
