import { expect, test } from '@playwright/test'
import { joinAs, livingGroup, mentorAndParticipantAt, openBoard } from './support/demo.ts'
import { MeetingKind } from '../../shared/domain/meeting-kind.ts'

const BM1 = /^BM1/

test.describe('two people co-edit the board', () => {
  test('agenda, matrix, PDSA and checklist edits reach the other', async ({ browser }) => {
    const group = livingGroup()
    const anna = await joinAs(browser, group.invites.facilitator, 'Anna Mentor', 'Hedemora kommun')
    const bo = await joinAs(browser, group.invites.participant, 'Bo Deltagare', 'Askersunds kommun')

    // Presence: each sees the other.
    await expect(anna.getByTestId('presence-list')).toContainText('Bo Deltagare')
    await expect(bo.getByTestId('presence-list')).toContainText('Anna Mentor')

    // Agenda: Anna renames the first item, Bo sees it.
    await openBoard(anna, BM1, 'agenda')
    await openBoard(bo, BM1, 'agenda')
    const annaTitle = anna.getByTestId('agenda-title').first()
    await annaTitle.fill('Välkommen och incheckning – med fika')
    await expect(bo.getByTestId('agenda-title').first()).toHaveValue(
      'Välkommen och incheckning – med fika',
    )
    await anna.screenshot({ path: test.info().outputPath('agenda-anna.png'), fullPage: true })

    // Reorder with the keyboard: Alt+ArrowDown moves the focused item down, for both.
    await annaTitle.focus()
    await anna.keyboard.press('Alt+ArrowDown')
    await expect(bo.getByTestId('agenda-title').nth(1)).toHaveValue(
      'Välkommen och incheckning – med fika',
    )
    await expect(anna.getByTestId('agenda-title').nth(1)).toBeFocused()

    // Remove an item and undo it.
    const items = await bo.getByTestId('agenda-item').count()
    await anna.getByRole('button', { name: 'Ta bort: Paus' }).click()
    await expect(bo.getByTestId('agenda-item')).toHaveCount(items - 1)
    await anna.getByRole('button', { name: 'Ångra' }).click()
    await expect(bo.getByTestId('agenda-item')).toHaveCount(items)

    // Matrix: Bo answers for Askersund, Anna sees it.
    await openBoard(anna, BM1, 'matris')
    await openBoard(bo, BM1, 'matris')
    const cell = bo.getByLabel('Svar från Askersunds kommun på fråga 1')
    await cell.fill('Styrkedjan: fullmäktige → nämnd → förvaltning, med könsuppdelade mål.')
    await expect(anna.getByLabel('Svar från Askersunds kommun på fråga 1')).toHaveValue(
      'Styrkedjan: fullmäktige → nämnd → förvaltning, med könsuppdelade mål.',
    )
    await bo.screenshot({ path: test.info().outputPath('matrix-bo.png'), fullPage: true })

    // A long answer is read whole, where it is written and on the other screen: fields grow
    // with their text instead of hiding it behind a scrollbar.
    const long = Array.from({ length: 8 }, (_, i) => `Rad ${i + 1}: nyckeltal per nämnd.`).join(
      '\n',
    )
    const longCell = bo.getByLabel('Svar från Askersunds kommun på fråga 3')
    await longCell.fill(long)
    const annaCell = anna.getByLabel('Svar från Askersunds kommun på fråga 3')
    await expect(annaCell).toHaveValue(long)
    for (const field of [longCell, annaCell]) {
      const hidden = await field.evaluate((el) => el.scrollHeight - el.clientHeight)
      expect(hidden).toBeLessThanOrEqual(1)
    }

    // PDSA: Anna starts a plan for Fagersta and writes its aim; Bo sees it.
    await openBoard(anna, BM1, 'pdsa')
    await openBoard(bo, BM1, 'pdsa')
    const before = await bo.getByTestId('pdsa-card').count()
    await anna.getByRole('button', { name: /Ny PDSA-plan för Fagersta kommun/ }).click()
    await expect(bo.getByTestId('pdsa-card')).toHaveCount(before + 1)
    await anna
      .locator('[data-testid="pdsa-aim"]:focus')
      .fill('Jämnare fördelning av föreningsbidrag')
    const newest = bo.getByTestId('pdsa-card').filter({ hasText: 'Plan 2 – Fagersta kommun' })
    await expect(newest.getByLabel('Syfte/mål')).toHaveValue(
      'Jämnare fördelning av föreningsbidrag',
    )

    // Checklist: Bo raises Askersund's item 4 from 2 to 3; Anna sees it and the total.
    await openBoard(anna, BM1, 'checklista')
    await openBoard(bo, BM1, 'checklista')
    const boScore = bo.getByRole('group', { name: 'Poäng för Askersunds kommun, punkt 4' })
    await expect(boScore.getByRole('radio', { name: /^2/ })).toBeChecked() // the demo's score
    await boScore.getByRole('radio', { name: /^3/ }).check()
    const annaScore = anna.getByRole('group', { name: 'Poäng för Askersunds kommun, punkt 4' })
    await expect(annaScore.getByRole('radio', { name: /^3/ })).toBeChecked()
    await expect(anna.getByTestId('checklist-total-kommun-askersund')).toHaveText('18 / 30')
    await anna.screenshot({ path: test.info().outputPath('checklist-anna.png'), fullPage: true })

    // A reload keeps everything.
    await anna.reload()
    await expect(
      anna
        .getByRole('group', { name: 'Poäng för Askersunds kommun, punkt 4' })
        .getByRole('radio', { name: /^3/ }),
    ).toBeChecked()
    await openBoard(anna, BM1, 'agenda')
    await expect(anna.getByTestId('agenda-title').nth(1)).toHaveValue(
      'Välkommen och incheckning – med fika',
    )
    await openBoard(anna, BM1, 'matris')
    await expect(anna.getByLabel('Svar från Askersunds kommun på fråga 1')).toHaveValue(
      /Styrkedjan/,
    )
  })

  test('simultaneous typing into one field loses nothing', async ({ browser }) => {
    const group = livingGroup()
    const a = await joinAs(browser, group.invites.participant, 'Ada', 'Askersunds kommun')
    const b = await joinAs(browser, group.invites.participant, 'Bea', 'Fagersta kommun')
    await openBoard(a, BM1, 'matris')
    await openBoard(b, BM1, 'matris')
    const label = 'Svar från Fagersta kommun på fråga 2'
    const fieldA = a.getByLabel(label)
    const fieldB = b.getByLabel(label)
    await fieldA.fill('')
    await expect(fieldB).toHaveValue('')
    await fieldA.click()
    await fieldB.click()
    await Promise.all([
      fieldA.pressSequentially('aaaaaaaaaaaaaaaaaaaa', { delay: 15 }),
      fieldB.pressSequentially('bbbbbbbbbbbbbbbbbbbb', { delay: 15 }),
    ])
    await expect
      .poll(async () => [await fieldA.inputValue(), await fieldB.inputValue()])
      .toEqual([expect.any(String), expect.any(String)])
    await expect(fieldA).toHaveValue(await fieldB.inputValue())
    const final = await fieldA.inputValue()
    expect(final.length).toBe(40)
    expect(final.replace(/b/g, '')).toBe('a'.repeat(20))
    expect(final.replace(/a/g, '')).toBe('b'.repeat(20))
    // Presence shows who else is in the field.
    await expect(a.locator('.field-presence .badge').filter({ hasText: 'Bea' })).toBeVisible()
  })

  test('the agenda total follows the minutes and warns past the meeting length', async ({
    browser,
  }) => {
    const { anna, bo, close } = await mentorAndParticipantAt(browser, /^BM2/, 'agenda')
    const total = bo.getByTestId('agenda-total')
    await expect(total).toContainText('Totalt')
    await expect(total).not.toContainText('för mycket')
    // The demo's BM2 starts at 09:30: each item shows when it starts, the total when it ends.
    const clocks = bo.getByTestId('agenda-clock')
    await expect(clocks.nth(0)).toHaveText('09:30')
    await expect(clocks.nth(1)).toHaveText('09:45')
    await expect(total).toContainText('kl. 09:30–13:30')
    const minutes = anna.getByTestId('agenda-item').first().getByLabel('Minuter')
    await minutes.fill('600')
    await minutes.press('Tab')
    await expect(total).toContainText('minuter för mycket')
    await expect(clocks.nth(1)).toHaveText('19:30')
    await expect(total).toContainText('kl. 09:30–23:15')
    await close()
  })

  test('on the meeting’s day the agenda marks the item the clock says is running', async ({
    browser,
  }) => {
    const group = livingGroup()
    const bo = await joinAs(browser, group.invites.participant, 'Bo Deltagare', 'Askersunds kommun')
    const workspace = (await bo.evaluate(
      async (room) => (await fetch(`/api/rooms/${room}/group`)).json(),
      group.room,
    )) as { meetings: { kind: string; date: string; startTime: string }[] }
    const meeting = workspace.meetings.find((m) => m.kind === MeetingKind.Resultatkonferens)
    expect(meeting?.startTime).toBe('10:00')
    await openBoard(bo, /^Resultatkonferens/, 'agenda')
    const first = Number(await bo.getByLabel('Minuter').first().inputValue())
    expect(first).toBeGreaterThan(0)
    // Five minutes into the second item, on the meeting's day.
    await bo.clock.setFixedTime(
      new Date(`${meeting?.date}T10:00:00`).getTime() + (first + 5) * 60_000,
    )
    await openBoard(bo, /^Resultatkonferens/, 'agenda')
    const second = bo.getByTestId('agenda-item').nth(1)
    await expect(second).toHaveAttribute('aria-current', 'time')
    await expect(second.getByTestId('agenda-now')).toHaveText('Nu')
    await expect(bo.getByTestId('agenda-now')).toHaveCount(1)
    await bo.context().close()
  })
})
