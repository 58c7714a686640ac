import { expect, test } from '@playwright/test'
import { joinAs, livingGroup, openBoard } from './support/demo.ts'

const BM3 = /^BM3/

test('an edit made offline is kept, shown as offline, and reaches the others on reconnect', async ({
  browser,
}) => {
  const group = livingGroup()
  const anna = await joinAs(browser, group.invites.facilitator, 'Anna Mentor', 'Hedemora kommun')
  const bo = await joinAs(browser, group.invites.participant, 'Bo Deltagare', 'Fagersta kommun')
  await openBoard(anna, BM3, 'agenda')
  await openBoard(bo, BM3, 'agenda')
  const status = anna.getByTestId('connection-status')

  await anna.context().setOffline(true)
  await expect(status).toHaveAttribute('data-status', 'offline')
  await expect(status).toContainText('dina ändringar sparas lokalt')
  const title = anna.getByTestId('agenda-title').first()
  await title.fill('Skrivet utan nät')
  await anna.waitForTimeout(1500)
  await expect(bo.getByTestId('agenda-title').first()).not.toHaveValue('Skrivet utan nät')
  await anna.screenshot({ path: test.info().outputPath('offline-anna.png'), fullPage: true })

  await anna.context().setOffline(false)
  await expect(status).toHaveAttribute('data-status', 'connected', { timeout: 15_000 })
  await expect(bo.getByTestId('agenda-title').first()).toHaveValue('Skrivet utan nät')
  await anna.context().close()
  await bo.context().close()
})
