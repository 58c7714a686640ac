import { expect, test, type BrowserContext, type Page } from '@playwright/test'
import { agendaOfNewMeeting, storedUpdates } from './support/device-copy.ts'

/**
 * A new tab of the same device (browser context) whose relay never answers: the test takes
 * its socket (which opens) and never connects it to the server nor sends anything on it.
 */
async function tabWithoutRelay(device: BrowserContext): Promise<Page> {
  const tab = await device.newPage()
  await tab.routeWebSocket(/\/ws\//, () => undefined)
  return tab
}

test("a returning visit shows the board from this device's copy, without the relay", async ({
  browser,
}) => {
  const { group, page, title } = await agendaOfNewMeeting(
    browser,
    'Rut Återvänder',
    'Kopian på enheten',
  )
  await title.fill('Sparat på enheten')
  await expect
    .poll(async () => (await storedUpdates(page, group.room)).some((u) => u.includes('på enheten')))
    .toBe(true)
  const board = page.url()

  const offline = await tabWithoutRelay(page.context())
  await offline.goto(board)
  await expect(offline.getByTestId('agenda-title').first()).toHaveValue('Sparat på enheten')

  // Another device, which joined but never opened the group, shows none of the board.
  const other = await browser.newContext()
  const joined = await other.request.post('/api/join', {
    data: { invite: group.invites.participant, name: 'Sam Annan' },
  })
  expect(joined.ok()).toBe(true)
  const fresh = await tabWithoutRelay(other)
  await fresh.goto(board)
  await expect(fresh.getByRole('heading', { level: 1, name: /Kopian på enheten/ })).toBeVisible()
  await expect(fresh.getByText('Hämtar arbetsytan …')).toBeVisible()
  await expect(fresh.getByTestId('agenda-title')).toHaveCount(0)
  await page.context().close()
  await other.close()
})

test("this device's copy is folded into one update after 500 edits, losing none", async ({
  browser,
}) => {
  const { group, page, title } = await agendaOfNewMeeting(browser, 'Vik Viker', 'Många ändringar')
  await title.fill('')
  // One stored update per keystroke: 520 of them.
  const typed = 'abcdefghijklmnopqrstuvwxyz'.repeat(20)
  await title.pressSequentially(typed)
  await expect(title).toHaveValue(typed)
  // Folded (about a second after the 500th) into the doc's state and what came after it.
  await expect.poll(async () => (await storedUpdates(page, group.room)).length).toBeLessThan(20)
  const stored = await storedUpdates(page, group.room)
  expect(stored.some((u) => u.includes(typed))).toBe(true)

  // The folded copy is the whole board: a tab without the relay shows the typed title.
  const offline = await tabWithoutRelay(page.context())
  await offline.goto(page.url())
  await expect(offline.getByTestId('agenda-title').first()).toHaveValue(typed)
  await page.context().close()
})
