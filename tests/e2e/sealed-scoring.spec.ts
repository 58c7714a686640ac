import { expect, test, type Page } from '@playwright/test'
import { demoGroups, joinAs, openBoard } from './support/demo.ts'
import { seriousOrWorse } from './support/axe.ts'

const SECRET = 'Botkyrkas förseglade kommentar'
const SEALED = 'Bedömningen är förseglad tills processledaren visar alla.'

const comment = (page: Page, org: string, n: number) =>
  page.getByRole('textbox', { name: `Kommentar från ${org}, punkt ${n}`, exact: true })
const score = (page: Page, org: string, n: number) =>
  page.getByRole('group', { name: `Poäng för ${org}, punkt ${n}`, exact: true })

test('a sealed round: each organisation scores unseen by the others, the facilitator reveals all at once', async ({
  browser,
}) => {
  // A group no other spec touches: its BM1 checklist starts empty.
  const group = demoGroups().find((g) => g.room.startsWith('botkyrka'))!
  const anna = await joinAs(browser, group.invites.facilitator, 'Anna Mentor', 'Uppsala kommun')
  const bo = await joinAs(browser, group.invites.participant, 'Bo Botkyrka', 'Botkyrka kommun')
  const vera = await joinAs(browser, group.invites.participant, 'Vera Västerås', 'Västerås stad')
  const viewer = await joinAs(browser, group.invites.viewer, 'Vilma Åskådare')
  const everyone = [anna, bo, vera]
  for (const page of [...everyone, viewer]) await openBoard(page, /^BM1/, 'checklista')

  // The facilitator opens the round; everyone's checklist turns sealed, live.
  await anna.getByRole('button', { name: 'Starta förseglad bedömning' }).click()
  for (const page of everyone) {
    await expect(page.getByTestId('sealed-note')).toHaveText(new RegExp(SEALED))
    // The checklist's own inputs for the phase are gone while sealed.
    await expect(score(page, 'Västerås stad', 1)).toHaveCount(page === vera ? 1 : 0)
    await expect(page.locator('.checklist-table')).toBeHidden()
  }
  await expect(anna.getByText('Ni bedömer för')).toHaveCount(0)
  // A viewer follows the progress only.
  await expect(viewer.getByTestId('sealed-note')).toBeVisible()
  await expect(viewer.getByRole('radio')).toHaveCount(0)

  // Each organisation scores its own items only (score at once, comment after a pause).
  await score(bo, 'Botkyrka kommun', 1).getByRole('radio', { name: /^3/ }).check()
  await comment(bo, 'Botkyrka kommun', 1).fill(SECRET)
  await expect(bo.getByTestId('sealed-save-state')).toHaveText('Sparat')
  await score(vera, 'Västerås stad', 1).getByRole('radio', { name: /^1/ }).check()
  await expect(vera.getByTestId('sealed-save-state')).toHaveText('Sparat')
  await expect(score(vera, 'Botkyrka kommun', 1)).toHaveCount(0)

  // The facilitator sees progress, not scores in the checklist.
  const botkyrkaProgress = anna.getByTestId(/^sealed-progress-/).filter({ hasText: 'Botkyrka' })
  await expect(botkyrkaProgress).toContainText('Bedömda: 1 av 10')
  expect(await seriousOrWorse(anna, '.checklist'), 'facilitator').toEqual([])
  expect(await seriousOrWorse(vera, '.checklist'), 'participant').toEqual([])

  // Both say they are done; the others learn it by polling (done is not in the document).
  await bo.getByRole('checkbox', { name: 'Vi är klara' }).check()
  await vera.getByRole('checkbox', { name: 'Vi är klara' }).check()
  await expect(anna.getByTestId('sealed-done-count')).toHaveText('2 av 2 organisationer är klara')
  for (const page of [vera, viewer]) {
    const botkyrka = page.getByTestId(/^sealed-progress-/).filter({ hasText: 'Botkyrka' })
    await expect(botkyrka).toContainText('klar')
  }
  expect(await viewer.content()).not.toContain(SECRET)
  // Västerås has heard from the server since Botkyrka saved, and never saw its score.
  expect(await vera.content()).not.toContain(SECRET)
  await expect(score(vera, 'Botkyrka kommun', 1)).toHaveCount(0)
  await vera.screenshot({ path: test.info().outputPath('sealed-participant.png'), fullPage: true })

  // The reveal, by keyboard: the confirmation starts on "Avbryt".
  await anna.getByRole('button', { name: 'Visa alla bedömningar' }).focus()
  await anna.keyboard.press('Enter')
  const dialog = anna.getByRole('dialog', { name: 'Visa alla bedömningar?' })
  await expect(dialog.getByRole('button', { name: 'Avbryt' })).toBeFocused()
  await anna.keyboard.press('Shift+Tab')
  await expect(dialog.getByRole('button', { name: 'Ja, visa alla' })).toBeFocused()
  await anna.keyboard.press('Enter')
  await expect(anna.getByText('Poängen nedan kommer från en förseglad bedömning')).toBeFocused()

  // Everyone's ordinary checklist now shows both organisations' scores and the comment.
  for (const page of everyone) {
    await expect(page.getByTestId('sealed-note')).toHaveCount(0)
    await expect(score(page, 'Botkyrka kommun', 1).getByRole('radio', { name: /^3/ })).toBeChecked()
    await expect(score(page, 'Västerås stad', 1).getByRole('radio', { name: /^1/ })).toBeChecked()
    await expect(comment(page, 'Botkyrka kommun', 1)).toHaveValue(SECRET)
  }
  await anna.screenshot({ path: test.info().outputPath('sealed-revealed.png'), fullPage: true })
  for (const page of [...everyone, viewer]) await page.context().close()
})
