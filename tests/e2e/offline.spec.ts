import { expect, test } from '@playwright/test'
import { mentorAndParticipantAt } from './support/demo.ts'

const BM3 = /^BM3/

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
  await close()
})
