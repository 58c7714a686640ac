import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { joinAs } from './support/demo.ts'
import { seriousOrWorse } from './support/axe.ts'

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)

/** Axe finds nothing serious, and at 375 px wide nothing scrolls sideways. */
async function checkPage(page: Page, name: string) {
  expect(await seriousOrWorse(page), name).toEqual([])
  const size = page.viewportSize()
  await page.setViewportSize({ width: 375, height: 812 })
  expect(await overflow(page), `${name} at 375 px`).toBeLessThanOrEqual(1)
  if (size) await page.setViewportSize(size)
}

/** The round lead link the e2e server made with `cli admin-invite` (support/serve.mjs). */
const leadLink = () => {
  const { url } = JSON.parse(readFileSync('test-results/e2e-lead.json', 'utf8')) as { url: string }
  const link = new URL(url)
  return `${link.pathname}${link.hash}`
}

const tokenOf = (link: string) => link.slice(link.indexOf('#') + 1)

test('a round lead sets up a round and a group from the list; the mentor invites a participant, who joins; a withdrawn link fails', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const lead = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 } })
  ).newPage()

  // Joins as round lead from the one-time link, then lands on the rounds.
  await lead.goto(leadLink())
  await expect(lead.getByRole('heading', { level: 1 })).toHaveText(
    'Bli omgångsledare i Modellrummet',
  )
  expect(await seriousOrWorse(lead)).toEqual([])
  await lead.getByLabel('Ditt namn').fill('Sara Samordnare')
  await lead.getByRole('button', { name: 'Fortsätt' }).click()
  await lead.waitForURL(/\/omgang$/)
  await expect(lead.getByTestId('lead-name')).toContainText('Sara Samordnare')
  await expect(lead.getByRole('heading', { level: 1 })).toHaveText('Omgångar')
  await checkPage(lead, 'rounds')

  // A new round; a missing name is said next to the field and in the summary.
  await lead.getByRole('link', { name: 'Ny omgång' }).click()
  await lead.waitForURL(/\/omgang\/ny$/)
  await lead.getByRole('button', { name: 'Skapa omgången' }).click()
  await expect(lead.getByTestId('error-summary')).toBeFocused()
  await expect(lead.getByLabel('Omgångens namn')).toHaveAttribute('aria-invalid', 'true')
  await expect(
    lead.locator('.field').filter({ has: lead.getByLabel('Omgångens namn') }),
  ).toContainText('Skriv ett namn på omgången.')
  expect(await seriousOrWorse(lead)).toEqual([])
  await lead.getByLabel('Omgångens namn').fill('Modellkommuner 2026–2027')
  await lead.getByLabel('Startår').fill('2026')
  await lead.getByLabel('Slutår').fill('2027')
  await lead.getByLabel('Datum för träff 1').fill('2026-02-10')
  // The plan is reordered with buttons; focus follows the moved meeting.
  await lead.getByRole('button', { name: 'Lägg till träff' }).click()
  await expect(lead.getByTestId('plan-row')).toHaveCount(6)
  await lead.getByRole('button', { name: 'Flytta upp Extra träff (träff 6)' }).click()
  await expect(lead.getByRole('button', { name: 'Flytta upp Extra träff (träff 5)' })).toBeFocused()
  await expect(lead.getByLabel('Träff 6', { exact: true })).toHaveValue('resultatkonferens')
  await lead.screenshot({ path: test.info().outputPath('round-form.png'), fullPage: true })
  await lead.getByRole('button', { name: 'Skapa omgången' }).click()
  await lead.waitForURL(/\/omgang\/[\w-]+$/)
  await expect(lead.getByRole('heading', { level: 1 })).toHaveText('Modellkommuner 2026–2027')
  await expect(lead.getByTestId('no-groups')).toBeVisible()
  const roundUrl = lead.url()

  // A group: two benchmarking municipalities and a mentor, picked by typing, keyboard only.
  await lead.getByRole('link', { name: 'Ny grupp' }).click()
  await lead.waitForURL(/\/ny-grupp$/)
  await lead.getByLabel('Gruppens namn').fill('Grupp Bergslagen')
  await lead.keyboard.press('Tab')
  const benchmarking = lead.getByRole('combobox', {
    name: 'Lägg till benchmarkingkommun eller -region',
  })
  await expect(benchmarking).toBeFocused()
  await lead.keyboard.type('arbo')
  const list = lead.getByRole('listbox', { name: 'Lägg till benchmarkingkommun eller -region' })
  await expect(list.getByRole('option')).toHaveText([/^Arboga kommun/])
  await expect(benchmarking).toHaveAttribute('aria-expanded', 'true')
  await expect(
    lead.getByText('1 träff. Välj med pil upp och pil ned och tryck Enter.'),
  ).toBeAttached()
  await lead.keyboard.press('ArrowDown')
  const active = await benchmarking.getAttribute('aria-activedescendant')
  expect(active).toBeTruthy()
  await expect(lead.locator(`[id="${active}"]`)).toHaveAttribute('aria-selected', 'true')
  await lead.keyboard.press('Enter')
  await expect(benchmarking).toHaveValue('')
  await expect(benchmarking).toBeFocused()
  const chosen = lead.getByTestId('chosen-organisations')
  await expect(chosen).toContainText('Arboga kommun')
  // Escape closes the list, a second Escape empties the field.
  await lead.keyboard.type('sala')
  await expect(list).toBeVisible()
  await lead.keyboard.press('Escape')
  await expect(list).toBeHidden()
  await expect(benchmarking).toHaveAttribute('aria-expanded', 'false')
  await lead.keyboard.press('Escape')
  await expect(benchmarking).toHaveValue('')
  // Without å, ä, ö, and by code.
  await lead.keyboard.type('1982')
  await lead.keyboard.press('ArrowDown')
  await lead.keyboard.press('Enter')
  await expect(chosen).toContainText('Fagersta kommun')
  await lead.keyboard.press('Tab')
  const mentor = lead.getByRole('combobox', { name: 'Lägg till mentor' })
  await expect(mentor).toBeFocused()
  await lead.keyboard.type('koping')
  await lead.keyboard.press('ArrowDown')
  await lead.keyboard.press('Enter')
  await expect(chosen.locator('li')).toHaveCount(3)
  await expect(lead.getByLabel('Roll för Köpings kommun')).toHaveValue('mentor')
  const meeting = (name: string) => lead.getByRole('group', { name })
  await meeting('Träff 1: Uppstartskonferens')
    .getByLabel('Värdorganisation')
    .selectOption({ label: 'Köpings kommun' })
  const bm1 = meeting('Träff 2: BM1 – Ledning och styrning')
  await bm1.getByLabel('Datum').fill('2026-04-14')
  await bm1.getByLabel('Värdorganisation').selectOption({ label: 'Arboga kommun' })
  await checkPage(lead, 'new group')
  await lead.screenshot({ path: test.info().outputPath('group-form.png'), fullPage: true })
  await lead.getByRole('button', { name: 'Skapa gruppen' }).click()
  await lead.waitForURL(roundUrl)

  // The round page lists it: organisations with roles, meetings with dates and hosts.
  const card = lead.getByTestId('group-card').filter({ hasText: 'Grupp Bergslagen' })
  await expect(card).toContainText('Arboga kommun')
  await expect(card).toContainText('Fagersta kommun')
  await expect(card.locator('.group-organisation.mentor')).toContainText('Köpings kommun')
  await expect(card.locator('.group-meetings li').first()).toContainText('hos Köpings kommun')
  await expect(card.locator('.group-meetings li').nth(1)).toContainText('14 apr. 2026')
  await expect(card.locator('.group-meetings li').nth(1)).toContainText('hos Arboga kommun')
  await expect(card).toContainText('0 medlemmar')
  expect(await seriousOrWorse(lead)).toEqual([])

  // The facilitator's link: shown once, with QR code and the e-mail text.
  await card.getByRole('button', { name: 'Bjud in processledare' }).click()
  await expect(card.getByLabel('Processledaren hör till')).toHaveValue(/.+/)
  await card.getByRole('button', { name: 'Skapa länk' }).click()
  const facilitatorLink = await card.getByTestId('facilitator-link').inputValue()
  expect(facilitatorLink).toMatch(/\/join#[\w-]{43}$/)
  await expect(
    card.getByRole('heading', { name: 'Länk för processledare i Grupp Bergslagen' }),
  ).toBeFocused()
  await expect(
    card.getByRole('img', { name: /QR-kod med inbjudningslänken till Grupp Bergslagen/ }),
  ).toBeVisible()
  const mail = await card.getByTestId('facilitator-mail').inputValue()
  expect(mail).toContain(facilitatorLink)
  expect(mail).toContain('Du går med som processledare för Köpings kommun')
  expect(mail).toContain('Hälsningar\nSara Samordnare')
  expect(await seriousOrWorse(lead)).toEqual([])

  // On a phone: nothing scrolls sideways.
  await lead.setViewportSize({ width: 375, height: 812 })
  expect(await overflow(lead)).toBeLessThanOrEqual(1)
  await lead.screenshot({ path: test.info().outputPath('round-phone.png'), fullPage: true })
  await card.scrollIntoViewIfNeeded()
  await lead.screenshot({ path: test.info().outputPath('round-phone-card.png') })
  await lead.setViewportSize({ width: 1280, height: 900 })

  // The mentor joins from that link in a browser of her own, for Köping.
  const maria = await joinAs(browser, tokenOf(facilitatorLink), 'Maria Mentor')
  await expect(maria.getByText('Grupp Bergslagen').first()).toBeVisible()
  await maria.getByRole('link', { name: 'Medlemmar och inbjudningar' }).click()
  await expect(maria.getByTestId('member').filter({ hasText: 'Maria Mentor' })).toContainText(
    'Köpings kommun',
  )
  // …and invites a participant for Arboga, who joins in a third browser.
  await maria.getByLabel('Organisation').selectOption({ label: 'Arboga kommun' })
  await maria.getByRole('button', { name: 'Skapa inbjudan' }).click()
  const participantLink = await maria.getByTestId('invitation-link').inputValue()
  await expect(maria.getByRole('img', { name: /QR-kod med inbjudningslänken/ })).toBeVisible()
  const pelle = await joinAs(browser, tokenOf(participantLink), 'Pelle Deltagare')
  await expect(pelle.getByText('Grupp Bergslagen').first()).toBeVisible()
  await maria.reload()
  await expect(maria.getByTestId('member').filter({ hasText: 'Pelle Deltagare' })).toContainText(
    'Arboga kommun',
  )

  // Withdrawn, the link fails for the next person with a clear message.
  const invitation = maria.getByTestId('invitation').filter({ hasText: 'Pelle Deltagare' })
  await invitation.getByRole('button', { name: /^Återkalla/ }).click()
  await maria.getByRole('dialog').getByRole('button', { name: 'Ja, återkalla' }).click()
  await expect(invitation).toHaveAttribute('data-status', 'revoked')
  const stranger = await (await browser.newContext()).newPage()
  await stranger.goto(`/join#${tokenOf(participantLink)}`)
  await expect(stranger.getByRole('alert')).toHaveText(
    'Inbjudan har återkallats av gruppens processledare. Be om en ny länk.',
  )

  // Back on the round, the lead sees the members, and changes a meeting's date.
  await lead.reload()
  await expect(card).toContainText('2 medlemmar')
  await card.getByRole('link', { name: 'Ändra gruppen' }).click()
  await lead.waitForURL(/\/grupp\/[\w-]+$/)
  await expect(lead.getByRole('heading', { level: 1 })).toHaveText('Ändra Grupp Bergslagen')
  await checkPage(lead, 'edit group')
  await meeting('Träff 3: BM2 – Följa upp och analysera resultat')
    .getByLabel('Datum')
    .fill('2026-09-22')
  await lead.getByRole('button', { name: 'Spara gruppen' }).click()
  await lead.waitForURL(roundUrl)
  await expect(card.locator('.group-meetings li').nth(2)).toContainText('22 sep. 2026')

  // The next round from this one: Arboga becomes a mentor (mentor continuity).
  await lead.getByRole('link', { name: 'Kopiera till ny omgång' }).click()
  await lead.waitForURL(/\/kopiera$/)
  await expect(lead.getByLabel('Startår')).toHaveValue('2028')
  await expect(lead.getByLabel('Slutår')).toHaveValue('2029')
  await checkPage(lead, 'copy round')
  await lead.getByLabel('Den nya omgångens namn').fill('Modellkommuner 2028–2029')
  await lead
    .getByRole('group', { name: 'Grupp Bergslagen' })
    .getByRole('checkbox', { name: /Arboga kommun/ })
    .check()
  await lead.getByRole('button', { name: 'Skapa den nya omgången' }).click()
  await lead.waitForURL((url) => /\/omgang\/[\w-]+$/.test(url.pathname) && url.href !== roundUrl)
  await expect(lead.getByRole('heading', { level: 1 })).toHaveText('Modellkommuner 2028–2029')
  const copied = lead.getByTestId('group-card').filter({ hasText: 'Grupp Bergslagen' })
  await expect(copied.locator('.group-organisation.mentor')).toContainText(['Arboga kommun'])
  await expect(copied).toContainText('0 medlemmar')
  await lead.getByRole('link', { name: 'Tillbaka till omgångarna' }).click()
  const roundList = lead.getByTestId('round-list')
  await expect(roundList.getByRole('heading', { level: 2 }).first()).toHaveText(
    'Modellkommuner 2028–2029',
  )
  await expect(roundList).toContainText('Modellkommuner 2026–2027')
  await lead.screenshot({ path: test.info().outputPath('rounds.png'), fullPage: true })

  // The lead opens the first round's group as its processledare.
  await lead.goto(roundUrl)
  await card.getByRole('button', { name: 'Öppna gruppen' }).click()
  await lead.waitForURL(/\/g\/[\w-]+$/)
  await expect(lead.getByText('Grupp Bergslagen').first()).toBeVisible()
})
