import { expect, test } from '@playwright/test'
import { joinAs, livingGroup, openBoard } from './support/demo.ts'

test('a viewer sees the board but cannot change it', async ({ browser }) => {
  const group = livingGroup()
  const viewer = await joinAs(browser, group.invites.viewer, 'Vera Åhörare')
  await expect(viewer.getByTestId('read-only-banner')).toBeVisible()
  await expect(viewer.getByRole('button', { name: 'Lägg till träff' })).toHaveCount(0)

  await openBoard(viewer, /^BM1/, 'agenda')
  const title = viewer.getByTestId('agenda-title').first()
  await expect(title).toHaveAttribute('readonly', '')
  await expect(viewer.getByRole('button', { name: 'Lägg till punkt' })).toHaveCount(0)

  await openBoard(viewer, /^BM1/, 'matris')
  await expect(viewer.getByLabel('Svar från Askersunds kommun på fråga 1')).toHaveAttribute(
    'readonly',
    '',
  )
  await expect(viewer.getByRole('button', { name: 'Lägg till fråga' })).toHaveCount(0)

  await openBoard(viewer, /^BM1/, 'checklista')
  await expect(
    viewer
      .getByRole('group', { name: 'Poäng för Askersunds kommun, punkt 1' })
      .getByRole('radio')
      .first(),
  ).toBeDisabled()
  await viewer.screenshot({ path: test.info().outputPath('viewer-checklist.png'), fullPage: true })
})
