import { expect, test, type Page } from '@playwright/test'
import { demoGroups, joinAs } from './support/demo.ts'
import { seriousOrWorse } from './support/axe.ts'

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)

test('a facilitator invites, sees the member, withdraws the link, changes a role and removes the member', async ({
  browser,
}) => {
  const group = demoGroups().find((g) => g.room.startsWith('trelleborg'))
  if (!group) throw new Error('no Trelleborg group in the demo round')

  // The facilitator, on a phone.
  const lead = await joinAs(browser, group.invites.facilitator, 'Maja Mentor')
  await lead.setViewportSize({ width: 375, height: 812 })
  await lead.getByRole('link', { name: 'Medlemmar och inbjudningar' }).click()
  await expect(lead.getByRole('heading', { level: 1 })).toHaveText('Medlemmar och inbjudningar')
  await expect(lead.getByTestId('member').filter({ hasText: 'Maja Mentor' })).toBeVisible()

  // A new participant invitation for Trelleborg: link, QR code and e-mail text.
  await lead.getByLabel('Organisation').selectOption({ label: 'Trelleborgs kommun' })
  await lead.getByLabel('Giltig i antal dagar').fill('7')
  await lead.getByLabel('Hur många kan använda länken').fill('5')
  await lead.getByRole('button', { name: 'Skapa inbjudan' }).click()
  const link = await lead.getByTestId('invitation-link').inputValue()
  expect(link).toMatch(/\/join#[\w-]{43}$/)
  await expect(lead.getByRole('img', { name: /QR-kod med inbjudningslänken/ })).toBeVisible()
  const mail = await lead.getByTestId('invitation-mail').inputValue()
  expect(mail).toContain(link)
  expect(mail).toContain('Trelleborg, Olofström och Östra Göinge')
  expect(mail).toContain('Du går med som deltagare för Trelleborgs kommun')
  expect(await seriousOrWorse(lead)).toEqual([])
  expect(await overflow(lead)).toBeLessThanOrEqual(1)
  await lead.screenshot({ path: test.info().outputPath('members-phone.png'), fullPage: true })

  // Someone joins with it; the form says whose organisation it is for.
  const token = link.slice(link.indexOf('#') + 1)
  // The facilitator's open page shows the new member at once (a live change, no reload).
  const ny = await joinAs(browser, token, 'Nils Nykomling')
  const card = lead.getByTestId('member').filter({ hasText: 'Nils Nykomling' })
  await expect(card).toContainText('Trelleborgs kommun')
  await expect(card).toContainText('Ansluten nu')
  const invitation = lead.getByTestId('invitation').filter({ hasText: 'Nils Nykomling' })
  await expect(invitation).toContainText('4 av 5')

  // Withdrawn: a third browser is told so; Nils, already in, is offered the way in.
  await invitation.getByRole('button', { name: /^Återkalla/ }).click()
  await lead.getByRole('dialog').getByRole('button', { name: 'Ja, återkalla' }).click()
  await expect(invitation).toHaveAttribute('data-status', 'revoked')
  const stranger = await (await browser.newContext()).newPage()
  await stranger.goto(`/join#${token}`)
  await expect(stranger.getByRole('alert')).toHaveText(
    'Inbjudan har återkallats av gruppens processledare. Be om en ny länk.',
  )
  await ny.goto(`/join#${token}`)
  await ny.getByRole('link', { name: 'Du är redan med i gruppen – fortsätt' }).click()
  await ny.waitForURL(new RegExp(`/g/${group.room}$`))
  await expect(
    ny.locator('[data-testid="connection-status"][data-status="connected"]'),
  ).toBeVisible()

  // A new role reaches Nils's open page at once: it reloads read-only and says why.
  await card.getByLabel('Ny roll för Nils Nykomling').selectOption({ label: 'åhörare' })
  await card.getByRole('button', { name: /^Byt roll\W+Nils Nykomling/ }).click()
  await lead
    .getByRole('dialog')
    .getByRole('button', { name: /Ja, gör Nils Nykomling/ })
    .click()
  await expect(card.getByTestId('member-role')).toHaveText('åhörare')
  await expect(
    ny.getByText('En processledare har ändrat din roll. Du är nu åhörare.'),
  ).toBeVisible()
  await expect(ny.getByTestId('read-only-banner')).toBeVisible()

  // Removal, by keyboard: the dialog names the person and starts on "Avbryt".
  await card.getByRole('button', { name: /^Ta bort\W+Nils Nykomling/ }).focus()
  await lead.keyboard.press('Enter')
  const dialog = lead.getByRole('dialog', { name: 'Ta bort Nils Nykomling ur gruppen?' })
  await expect(dialog.getByRole('button', { name: 'Avbryt' })).toBeFocused()
  await lead.keyboard.press('Shift+Tab')
  await expect(dialog.getByRole('button', { name: 'Ja, ta bort Nils Nykomling' })).toBeFocused()
  await lead.keyboard.press('Enter')
  await expect(card).toHaveCount(0)
  await expect(lead.getByRole('heading', { level: 2, name: /^Medlemmar/ })).toBeFocused()
  await expect(ny.getByTestId('connection-status')).toHaveAttribute('data-status', 'ended')
  await expect(ny.getByTestId('connection-status')).toHaveText(
    'Anslutningen avslutades. Gå med igen via din inbjudan.',
  )

  // Leaving asks first, and ends on the landing page without offering the group.
  await lead.getByRole('button', { name: 'Lämna gruppen' }).click()
  await lead.getByRole('dialog').getByRole('button', { name: 'Stanna kvar' }).click()
  await expect(lead.getByRole('button', { name: 'Lämna gruppen' })).toBeFocused()
  await lead.getByRole('button', { name: 'Lämna gruppen' }).click()
  await lead.getByRole('dialog').getByRole('button', { name: 'Ja, lämna gruppen' }).click()
  await lead.waitForURL(/\/$/)
  await expect(lead.getByTestId('left-group')).toHaveText(
    'Du har lämnat Trelleborg, Olofström och Östra Göinge.',
  )
  await expect(lead.getByRole('link', { name: /Fortsätt till/ })).toHaveCount(0)

  for (const page of [lead, ny, stranger]) await page.context().close()
})
