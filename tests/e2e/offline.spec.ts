import { expect, test, type Page } from '@playwright/test'
import { joinAs, livingGroup, mentorAndParticipantAt } from './support/demo.ts'
import { storedUpdates } from './support/device-copy.ts'

const BM3 = /^BM3/

/** Whether this device's copy of the room holds `text`. */
const keptOnDevice = async (page: Page, room: string, text: string) =>
  (await storedUpdates(page, room)).some((update) => update.includes(text))

test('an edit made offline is kept, shown as offline, and reaches the others on reconnect', async ({
  browser,
}) => {
  const { anna, bo, close } = await mentorAndParticipantAt(
    browser,
    BM3,
    'agenda',
    'Fagersta kommun',
  )
  const status = anna.getByTestId('connection-status')
  // From here on Anna's timers are Playwright's, so the test can move her clock on.
  await anna.clock.install()

  await anna.context().setOffline(true)
  await expect(status).toHaveAttribute('data-status', 'offline')
  await expect(status).toHaveText(
    'Frånkopplad i mindre än en minut – dina ändringar sparas på den här enheten och skickas när anslutningen är tillbaka',
  )
  const title = anna.getByTestId('agenda-title').first()
  await title.fill('Skrivet utan nät')
  // Kept on this device (poll: y-indexeddb writes asynchronously) and not yet with Bo.
  await expect.poll(() => keptOnDevice(anna, livingGroup().room, 'krivet utan n')).toBe(true)
  await expect(bo.getByTestId('agenda-title').first()).not.toHaveValue('Skrivet utan nät')

  await anna.clock.fastForward('02:05')
  await expect(status).toContainText('Frånkopplad i 2 minuter – dina ändringar sparas')
  await anna.screenshot({ path: test.info().outputPath('offline-anna.png'), fullPage: true })

  await anna.context().setOffline(false)
  await expect(status).toHaveAttribute('data-status', 'connected', { timeout: 15_000 })
  await expect(status).toHaveText('Ansluten')
  await expect(bo.getByTestId('agenda-title').first()).toHaveValue('Skrivet utan nät')
  await close()
})

test('leaving the group leaves nothing of it on this device', async ({ browser }) => {
  const group = livingGroup()
  const page = await joinAs(browser, group.invites.participant, 'Lisa Lämnar', 'Fagersta kommun')
  const database = `modellrummet:${group.room}`
  const databases = () =>
    page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name))
  const lastGroup = () => page.evaluate(() => localStorage.getItem('modellrummet:last-group'))
  await expect.poll(databases).toContain(database)
  await expect.poll(lastGroup).toContain(group.room)

  await page.getByRole('button', { name: 'Lämna gruppen' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Ja, lämna gruppen' }).click()
  await page.waitForURL((url) => url.pathname === '/')
  await expect(page.getByRole('heading', { name: 'Välkommen till Modellrummet' })).toBeVisible()
  expect(await databases()).not.toContain(database)
  expect(await lastGroup()).toBeNull()
  await expect(page.getByRole('link', { name: /^Fortsätt till/ })).toHaveCount(0)
  await page.context().close()
})

test('opening a group without a session leaves no copy of it on this device', async ({
  browser,
}) => {
  // The device's copy is opened while the session is asked for, but only where it exists.
  const group = livingGroup()
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`/g/${group.room}`)
  await expect(page.getByRole('heading', { name: 'Du behöver en inbjudan' })).toBeVisible()
  const databases = await page.evaluate(async () =>
    (await indexedDB.databases()).map((db) => db.name),
  )
  expect(databases).not.toContain(`modellrummet:${group.room}`)
  await context.close()
})
