import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { joinAs, livingGroup } from './support/demo.ts'
import { seriousOrWorse } from './support/axe.ts'

const ROUND = 'modellkommuner-2019-2020'

/** Axe finds nothing serious, and at 375 px wide nothing scrolls sideways. */
async function checkPage(page: Page, name: string) {
  expect(await seriousOrWorse(page), name).toEqual([])
  const size = page.viewportSize()
  await page.setViewportSize({ width: 375, height: 812 })
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  )
  expect(overflow, `${name} at 375 px`).toBeLessThanOrEqual(1)
  if (size) await page.setViewportSize(size)
}

/** This spec's own round lead link (support/serve.mjs makes one per spec that needs one). */
const leadLink = () => {
  const { url } = JSON.parse(readFileSync('test-results/e2e-lead-privacy.json', 'utf8')) as {
    url: string
  }
  const link = new URL(url)
  return `${link.pathname}${link.hash}`
}

test('the round lead reads the audit log, finds a person through the group and erases them by keyboard', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const petra = await joinAs(browser, livingGroup().invites.participant, 'Petra Personuppgift')
  const lead = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 } })
  ).newPage()
  await lead.goto(leadLink())
  await lead.getByLabel('Ditt namn').fill('Lena Loggläsare')
  await lead.getByRole('button', { name: 'Fortsätt' }).click()
  await lead.waitForURL(/\/omgang$/)

  // From the round to its log: Petra's joining is there, by name.
  await lead.goto(`/omgang/${ROUND}`)
  await lead.getByRole('link', { name: 'Logg och personuppgifter' }).click()
  await lead.waitForURL(/\/logg$/)
  await expect(lead.getByRole('heading', { level: 1 })).toContainText('Logg')
  const events = lead.getByTestId('audit-list')
  await expect(
    events.getByRole('listitem').filter({ hasText: 'Gick med via inbjudan' }).filter({
      hasText: 'Petra Personuppgift',
    }),
  ).toHaveCount(1)
  await expect(lead.getByTestId('retention-state')).toContainText('90 dagar')
  await checkPage(lead, 'audit log')

  // The group's people, then Petra's page.
  await lead.getByLabel('Grupp').selectOption({ label: livingGroup().name })
  await lead.getByRole('button', { name: 'Visa', exact: true }).click()
  await expect(lead).toHaveURL(/grupp=/)
  await expect(lead.getByTestId('group-export')).toHaveAttribute('href', /export\.json$/)
  await lead.getByTestId('people-list').getByRole('link', { name: 'Petra Personuppgift' }).click()
  await lead.waitForURL(/\/person\//)
  await expect(lead.getByRole('heading', { level: 1 })).toContainText('Petra Personuppgift')
  await expect(lead.getByTestId('person-export')).toHaveAttribute('href', /export\.json$/)
  await checkPage(lead, 'person page')

  // Erase, keyboard only: the dialog starts on Avbryt; the confirm button is before it.
  await lead.getByRole('button', { name: 'Radera personuppgifter' }).focus()
  await lead.keyboard.press('Enter')
  const dialog = lead.getByRole('dialog', { name: 'Radera uppgifterna om Petra Personuppgift?' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Avbryt' })).toBeFocused()
  expect(await seriousOrWorse(lead), 'erase dialog').toEqual([])
  await lead.keyboard.press('Shift+Tab')
  await expect(dialog.getByRole('button', { name: 'Ja, radera uppgifterna' })).toBeFocused()
  await lead.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(lead.getByRole('heading', { level: 1 })).toContainText('Borttagen person')
  await expect(lead.getByRole('heading', { level: 1 })).toBeFocused()
  await expect(lead.getByTestId('erased-notice')).toBeVisible()
  await expect(lead.getByRole('button', { name: 'Radera personuppgifter' })).toHaveCount(0)

  // Petra's open board is closed for good, at once.
  await expect(petra.getByTestId('connection-status')).not.toHaveAttribute(
    'data-status',
    'connected',
  )

  // The log now names her as removed, everywhere.
  await lead.getByRole('link', { name: 'Tillbaka till loggen' }).click()
  await lead.waitForURL(/\/logg/)
  await expect(
    events.getByRole('listitem').filter({ hasText: 'Personuppgifter raderade' }),
  ).toContainText('Borttagen person')
  await expect(lead.getByText('Petra Personuppgift')).toHaveCount(0)
  await checkPage(lead, 'audit log after erasure')
})
