import { expect, test } from '@playwright/test'
import { demoGroups, joinAs, livingGroup, openBoard } from './support/demo.ts'
import { seriousOrWorse } from './support/axe.ts'

test('removing a PDSA plan asks first, and Ångra brings it back for everyone', async ({
  browser,
}) => {
  const group = livingGroup()
  const anna = await joinAs(browser, group.invites.facilitator, 'Anna Ångra', 'Hedemora kommun')
  const bo = await joinAs(browser, group.invites.participant, 'Bo Ser', 'Askersunds kommun')
  await openBoard(anna, /^BM1/, 'pdsa')
  await openBoard(bo, /^BM1/, 'pdsa')
  const card = anna.locator('article[data-plan]').first()
  const planId = await card.getAttribute('data-plan')
  const title = (await card.locator('h4').first().innerText()).trim()

  // Asked first: cancelling keeps the plan.
  await card.getByRole('button', { name: 'Ta bort planen' }).click()
  const dialog = anna.getByRole('dialog', { name: /^Ta bort Plan \d+/ })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Avbryt' }).click()
  await expect(anna.locator(`article[data-plan="${planId}"]`)).toBeVisible()

  await card.getByRole('button', { name: 'Ta bort planen' }).click()
  await dialog.getByRole('button', { name: 'Ta bort' }).click()
  await expect(anna.locator(`article[data-plan="${planId}"]`)).toHaveCount(0)
  await expect(bo.locator(`article[data-plan="${planId}"]`)).toHaveCount(0)
  // The offer is said (a live region) and focus is on "Ångra": Enter brings the plan back.
  const offer = anna.locator('.undo-offer')
  await expect(offer).toHaveAttribute('aria-live', 'polite')
  await expect(offer).toContainText('Planen togs bort.')
  const undo = offer.getByRole('button', { name: 'Ångra' })
  await expect(undo).toBeFocused()
  await anna.keyboard.press('Enter')
  // Back under its own key, number and name, on both screens.
  await expect(anna.locator(`article[data-plan="${planId}"]`)).toContainText(title)
  await expect(bo.locator(`article[data-plan="${planId}"]`)).toContainText(title)
  await expect(offer).toContainText('Borttagningen är ångrad.')
  await anna.context().close()
  await bo.context().close()
})

test('the version history: listed with who was active, read only, restorable by a facilitator, on a phone too', async ({
  browser,
}) => {
  const group = livingGroup()
  const anna = await joinAs(browser, group.invites.facilitator, 'Anna Historik', 'Hedemora kommun')
  await anna.getByRole('link', { name: 'Versionshistorik' }).click()
  await anna.waitForURL(/\/historik$/)
  await expect(anna.getByRole('heading', { level: 1, name: 'Versionshistorik' })).toBeVisible()
  // The demo's room has been live since it was set up: no compaction, so a version is kept now.
  await anna.getByRole('button', { name: 'Spara en version nu' }).click()
  await expect(anna.getByTestId('history-notice')).toContainText('sparad som versionen från')
  const versions = anna.getByRole('navigation', { name: 'Versioner' })
  // Who was active: the demo's edits are the server's; the list says so, or names members.
  await expect(versions.locator('.version-authors').first()).toBeVisible()
  await versions
    .getByRole('button', { name: /^Visa versionen från/ })
    .first()
    .click()
  const shown = anna.getByRole('heading', { name: /^Versionen från/ })
  await expect(shown).toBeVisible()
  await expect(anna.getByRole('button', { name: 'Återställ hela arbetsytan' })).toBeVisible()
  expect(await seriousOrWorse(anna)).toEqual([])

  // A restore is confirmed first and said when done.
  await anna.getByRole('button', { name: 'Återställ agenda' }).first().click()
  const dialog = anna.getByRole('dialog', { name: /^Återställa från versionen/ })
  await dialog.getByRole('button', { name: 'Återställ' }).click()
  // Said either way: restored, or already as the version (nothing changed since it was kept).
  await expect(anna.getByTestId('history-notice')).toContainText(/versionen \d/)

  await anna.setViewportSize({ width: 375, height: 812 })
  await expect(shown).toBeVisible()
  const beyond = await anna.evaluate(() =>
    Math.max(
      document.documentElement.scrollWidth - window.innerWidth,
      ...[...document.querySelectorAll('.history-page *')]
        .filter((el) => !el.closest('.table-scroll'))
        .map((el) => el.getBoundingClientRect().right - window.innerWidth),
    ),
  )
  expect(beyond).toBeLessThanOrEqual(1)
  await anna.screenshot({ path: test.info().outputPath('history-phone.png'), fullPage: true })
  expect(await seriousOrWorse(anna)).toEqual([])

  // A participant reads the history but is offered no restore.
  const bo = await joinAs(browser, group.invites.participant, 'Bo Läser', 'Askersunds kommun')
  await bo.goto(anna.url())
  await bo
    .getByRole('navigation', { name: 'Versioner' })
    .getByRole('button', { name: /^Visa versionen från/ })
    .first()
    .click()
  await expect(bo.getByRole('heading', { name: /^Versionen från/ })).toBeVisible()
  await expect(bo.getByRole('button', { name: /^Återställ/ })).toHaveCount(0)
  await anna.context().close()
  await bo.context().close()
})

test('a restore waits for a sealed round: the dialog says to reveal the scores first', async ({
  browser,
}) => {
  // BM2 of the group whose BM1 the sealed-scoring spec uses; this round is revealed at the end.
  const group = demoGroups().find((g) => g.room.startsWith('botkyrka'))!
  const anna = await joinAs(browser, group.invites.facilitator, 'Anna Väntar', 'Uppsala kommun')
  await openBoard(anna, /^BM2/, 'checklista')
  const board = anna.url()
  await anna.getByRole('button', { name: 'Starta förseglad bedömning' }).click()
  await expect(anna.getByTestId('sealed-note')).toBeVisible()

  await anna.goto(`/g/${group.room}/historik`)
  await anna.getByRole('button', { name: 'Spara en version nu' }).click()
  await anna
    .getByRole('navigation', { name: 'Versioner' })
    .getByRole('button', { name: /^Visa versionen från/ })
    .first()
    .click()
  await anna.getByRole('button', { name: 'Återställ hela arbetsytan' }).click()
  const dialog = anna.getByRole('dialog', { name: /^Återställa från versionen/ })
  await dialog.getByRole('button', { name: 'Återställ' }).click()
  // Not the generic "try again": what stands in the way, and what to do.
  await expect(dialog.getByRole('alert')).toHaveText(/en förseglad bedömning pågår/)
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Avbryt' }).click()

  await anna.goto(board)
  await anna.getByRole('button', { name: 'Visa alla bedömningar' }).click()
  await anna
    .getByRole('dialog', { name: 'Visa alla bedömningar?' })
    .getByRole('button', { name: 'Ja, visa alla' })
    .click()
  await expect(anna.getByTestId('sealed-note')).toHaveCount(0)
  await anna.context().close()
})
