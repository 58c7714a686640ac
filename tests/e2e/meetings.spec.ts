import { expect, test, type Page } from '@playwright/test'
import { demoGroups, joinAs } from './support/demo.ts'
import { seriousOrWorse } from './support/axe.ts'

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)

const TITLE = 'Extraträff om könsuppdelad statistik'

test('a facilitator adds, moves, archives and deletes a meeting; another member’s home follows without reload', async ({
  browser,
}) => {
  const group = demoGroups().find((g) => g.room.startsWith('nordmaling'))
  if (!group) throw new Error('no Nordmaling group in the demo round')
  const lead = await joinAs(browser, group.invites.facilitator, 'Vilma Mentor')
  const other = await joinAs(browser, group.invites.participant, 'Pelle Deltagare')
  const cards = (page: Page) => page.getByTestId('meeting-card')
  const card = (page: Page) => cards(page).filter({ hasText: TITLE })
  const dialog = lead.getByRole('dialog')
  const planned = await cards(lead).count()
  expect(planned).toBeGreaterThan(2)

  // A participant sees the meetings, and no control to change them.
  await expect(cards(other)).toHaveCount(planned)
  await expect(other.getByRole('button', { name: 'Lägg till träff' })).toHaveCount(0)
  await expect(other.getByRole('button', { name: /^(Ändra|Arkivera|Ta bort)/ })).toHaveCount(0)

  // "Spara" on the empty form adds nothing (it made an "Extra träff – Datum ej bestämt").
  await lead.getByRole('button', { name: 'Lägg till träff' }).click()
  await lead.getByRole('button', { name: 'Spara' }).click()
  await expect(lead.getByRole('alert')).toHaveText(
    'Ange ett datum eller en rubrik för den nya träffen.',
  )
  await expect(cards(lead)).toHaveCount(planned)

  // Added: on the other page at once, last.
  await lead.getByLabel('Rubrik (valfri)').fill(TITLE)
  await lead.getByLabel('Datum', { exact: true }).fill('2019-12-04')
  await lead.getByRole('button', { name: 'Spara' }).click()
  await expect(cards(other).last()).toContainText(TITLE)
  await expect(cards(other).last()).toContainText('4 december 2019')

  // Moved: another date and second in the order.
  await card(lead)
    .getByRole('button', { name: /^Ändra/ })
    .click()
  await lead.getByLabel('Datum', { exact: true }).fill('2019-03-20')
  await lead.getByLabel('Plats i ordningen').selectOption({ label: 'Efter Uppstartskonferens' })
  await lead.getByRole('button', { name: 'Spara' }).click()
  await expect(cards(other).nth(1)).toContainText(TITLE)
  await expect(cards(other).nth(1)).toContainText('20 mars 2019')
  await expect(cards(lead).nth(1)).toContainText(TITLE)

  // Archived, after a confirmation (cancelling changes nothing).
  await card(lead)
    .getByRole('button', { name: /^Arkivera/ })
    .click()
  await expect(dialog).toContainText(`Arkivera ”${TITLE}”?`)
  await dialog.getByRole('button', { name: 'Avbryt' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(card(lead)).toBeVisible()
  await card(lead)
    .getByRole('button', { name: /^Arkivera/ })
    .click()
  await dialog.getByRole('button', { name: 'Arkivera träffen' }).click()
  await expect(card(other)).toHaveCount(0)
  await other.getByText('Arkiverade träffar (1)').click()
  const archivedForOther = other.getByTestId('archived-meeting-card').filter({ hasText: TITLE })
  await expect(archivedForOther).toBeVisible()
  await expect(archivedForOther.getByRole('button')).toHaveCount(0)

  // Restored by the facilitator: back in the main list for both.
  await lead.getByText('Arkiverade träffar (1)').click()
  await expect(lead.getByTestId('archived-meeting-card')).toContainText(TITLE)
  expect(await seriousOrWorse(lead)).toEqual([])
  await lead
    .getByTestId('archived-meeting-card')
    .getByRole('button', { name: /^Återställ/ })
    .click()
  await expect(card(other)).toBeVisible()
  await expect(other.getByText('Arkiverade träffar (1)')).toHaveCount(0)

  // Deleted, after a confirmation: gone for both, with "Ångra" (said, and focused) for the
  // facilitator, which brings it back for both.
  const board = await card(other).getByRole('link').first().getAttribute('href')
  const remove = async () => {
    await card(lead)
      .getByRole('button', { name: /^Ta bort/ })
      .click()
    await expect(dialog).toContainText('Innehållet sparas i versionshistoriken')
    await dialog.getByRole('button', { name: 'Ta bort träffen' }).click()
    await expect(card(other)).toHaveCount(0)
    await expect(card(lead)).toHaveCount(0)
    await expect(cards(other)).toHaveCount(planned)
  }
  await remove()
  const offer = lead.locator('.undo-offer')
  await expect(offer).toHaveAttribute('aria-live', 'polite')
  await expect(offer).toContainText(`”${TITLE}” togs bort.`)
  await expect(offer.getByRole('button', { name: 'Ångra' })).toBeFocused()
  await expect(other.locator('.undo-offer')).toHaveCount(0)
  expect(await seriousOrWorse(lead)).toEqual([])
  await lead.keyboard.press('Enter')
  await expect(card(other)).toBeVisible()
  await expect(cards(other).nth(1)).toContainText(TITLE)
  await expect(card(lead)).toBeVisible()
  await expect(offer).toHaveText('Borttagningen är ångrad.')

  // Deleted again, and left deleted: its board says so and leads home.
  await remove()
  await other.goto(board ?? '/')
  await expect(other.getByRole('alert')).toContainText('Träffen finns inte.')
  await other.getByRole('link', { name: 'Till gruppens startsida' }).click()
  await expect(other.getByRole('heading', { level: 1 })).toHaveText(group.name)
})

test('the meetings controls work on a phone and from the keyboard', async ({ browser }) => {
  const group = demoGroups().find((g) => g.room.startsWith('nordmaling'))
  if (!group) throw new Error('no Nordmaling group in the demo round')
  const lead = await joinAs(browser, group.invites.facilitator, 'Tove Telefon')
  await lead.setViewportSize({ width: 375, height: 812 })
  const first = lead.getByTestId('meeting-card').first()
  await expect(first).toBeVisible()
  expect(await overflow(lead)).toBeLessThanOrEqual(1)

  // Keyboard only: the form opens on its heading and closes back to the button.
  await first.getByRole('button', { name: /^Ändra/ }).focus()
  await lead.keyboard.press('Enter')
  await expect(lead.getByRole('heading', { level: 3, name: /^Ändra/ })).toBeFocused()
  expect(await overflow(lead)).toBeLessThanOrEqual(1)
  expect(await seriousOrWorse(lead)).toEqual([])
  await lead.screenshot({ path: test.info().outputPath('meeting-form-phone.png'), fullPage: true })
  await lead.getByRole('button', { name: 'Avbryt' }).focus()
  await lead.keyboard.press('Enter')
  await expect(first.getByRole('button', { name: /^Ändra/ })).toBeFocused()

  // The delete dialog starts on "Avbryt"; Escape closes it with nothing done.
  await first.getByRole('button', { name: /^Ta bort/ }).focus()
  await lead.keyboard.press('Enter')
  await expect(lead.getByRole('dialog').getByRole('button', { name: 'Avbryt' })).toBeFocused()
  await lead.keyboard.press('Escape')
  await expect(lead.getByRole('dialog')).toHaveCount(0)
  await expect(first.getByRole('button', { name: /^Ta bort/ })).toBeFocused()
})
