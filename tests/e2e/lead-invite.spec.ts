import { readFileSync } from 'node:fs'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { joinAs, livingGroup } from './support/demo.ts'
import { seriousOrWorse } from './support/axe.ts'

const ROUND = 'Modellkommuner 2019–2020'

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
  const { url } = JSON.parse(readFileSync('test-results/e2e-lead-invite.json', 'utf8')) as {
    url: string
  }
  const link = new URL(url)
  return `${link.pathname}${link.hash}`
}

/** A round lead signed in from a one-time link, in a browser context of their own. */
async function leadFrom(browser: Browser, link: string, name: string) {
  const page = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 } })
  ).newPage()
  await page.goto(link)
  await page.getByLabel('Ditt namn').fill(name)
  await page.getByRole('button', { name: 'Fortsätt' }).click()
  await page.waitForURL(/\/omgang$/)
  await expect(page.getByTestId('lead-name')).toContainText(name)
  return page
}

test('a lead over every round invites a round lead for one round, who has no such control and finds the way back from a group', async ({
  browser,
}) => {
  const ada = await leadFrom(browser, leadLink(), 'Ada Allaomgångar')

  // Keyboard only: open the form, choose one round and how long the link holds.
  const open = ada.getByRole('button', { name: 'Bjud in omgångsledare' })
  await open.focus()
  await ada.keyboard.press('Enter')
  await ada.getByRole('radio', { name: 'En omgång' }).check()
  await ada.getByLabel('Omgång', { exact: true }).selectOption({ label: ROUND })
  await ada.getByLabel('Länken gäller i').selectOption({ label: '14 dagar' })
  await checkPage(ada, 'lead invitation form')
  await ada.getByRole('button', { name: 'Skapa länk' }).click()

  // The link, shown once, with the Swedish e-mail text.
  await expect(ada.getByRole('heading', { name: 'Länk för en ny omgångsledare' })).toBeFocused()
  const link = await ada.getByTestId('lead-invitation-link').inputValue()
  expect(link).toMatch(/\/leda#[\w-]{43}$/)
  const mail = await ada.getByTestId('lead-invitation-mail').inputValue()
  expect(mail).toContain('Ämne: Inbjudan att bli omgångsledare i Modellrummet')
  expect(mail).toContain(`Du blir omgångsledare för ${ROUND}`)
  expect(mail).toContain(`1. Öppna länken: ${link}`)
  expect(mail).toContain('Hälsningar\nAda Allaomgångar')
  await expect(ada.getByRole('button', { name: 'Kopiera länken' })).toBeVisible()
  await checkPage(ada, 'lead invitation link')
  await ada.screenshot({ path: test.info().outputPath('lead-invitation.png'), fullPage: true })
  await ada.getByRole('button', { name: 'Klar' }).click()
  await expect(open).toBeFocused()

  // The new lead is over that round only: no invitation control, only that round.
  const url = new URL(link)
  const rut = await leadFrom(browser, `${url.pathname}${url.hash}`, 'Rut Enomgång')
  await expect(rut.getByTestId('round-list').getByRole('heading', { level: 2 })).toHaveText([ROUND])
  await expect(rut.getByRole('button', { name: 'Bjud in omgångsledare' })).toHaveCount(0)
  await expect(rut.getByRole('heading', { name: 'Fler omgångsledare' })).toHaveCount(0)

  // Inside a group she entered, the header leads back to the rounds.
  await rut.getByRole('link', { name: ROUND }).click()
  const group = livingGroup()
  await rut
    .getByTestId('group-card')
    .filter({ hasText: group.name })
    .getByRole('button', { name: 'Öppna gruppen' })
    .click()
  await rut.waitForURL(/\/g\/[\w-]+$/)
  const back = rut.getByRole('link', { name: 'Omgångar' })
  await expect(back).toBeVisible()
  await back.click()
  await rut.waitForURL(/\/omgang$/)

  // A member of the group sees no such link.
  const bo = await joinAs(browser, group.invites.participant, 'Bo Deltagare', 'Askersunds kommun')
  await expect(bo.getByRole('button', { name: 'Lämna gruppen' })).toBeVisible()
  await expect(bo.getByRole('link', { name: 'Omgångar' })).toHaveCount(0)
  await expect(bo.getByTestId('back-to-rounds')).toHaveCount(0)
})
