import { expect, test } from '@playwright/test'
import { joinAs, livingGroup, openBoard } from './support/demo.ts'

test('Swedish by default, English on request, remembered after a reload', async ({ browser }) => {
  const group = livingGroup()
  const page = await joinAs(browser, group.invites.participant, 'Lena Lang', 'Askersunds kommun')
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv')
  await expect(page.getByRole('button', { name: 'Lämna gruppen' })).toBeVisible()

  await page.getByRole('button', { name: 'In English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('button', { name: 'Leave the group' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Meetings' })).toBeVisible()
  // Domain texts switch too (meeting kinds from shared/domain).
  await expect(
    page.getByRole('link', { name: 'BM1 – Governance and management', exact: true }),
  ).toBeVisible()

  await page.reload()
  await expect(page.getByTestId('connection-status')).toHaveText(/Connected/)
  await page.getByRole('link', { name: 'BM1 – Governance and management', exact: true }).click()
  await page.getByRole('link', { name: 'Checklist', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Self-assessment: BM1' })).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('checklist-en.png'), fullPage: true })
  await page.getByRole('button', { name: 'På svenska' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv')
  await openBoard(page, /^BM1/, 'agenda')
})
