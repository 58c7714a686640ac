import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { joinAs, livingGroup, openBoard } from './support/demo.ts'

/**
 * Exports from the UI (issue 13): one click yields the file, by the browser's own download
 * (the session cookie goes along); the board prints without controls.
 */
test('the download buttons yield the minutes, the checklist and the backup', async ({
  browser,
}) => {
  const group = livingGroup()
  const anna = await joinAs(browser, group.invites.facilitator, 'Anna Export', 'Hedemora kommun')

  // The group home: the checklist and, for a facilitator, the backup.
  const checklistDownload = anna.waitForEvent('download')
  await anna.getByRole('link', { name: 'Ladda ner checklistan (Excel)' }).click()
  const checklist = await checklistDownload
  expect(checklist.suggestedFilename()).toMatch(/^Checklista - .*\.xlsx$/)
  const xlsx = readFileSync((await checklist.path())!)
  expect(xlsx.subarray(0, 2).toString()).toBe('PK') // a zip: the OOXML container

  const backupDownload = anna.waitForEvent('download')
  await anna.getByRole('link', { name: 'Ladda ner säkerhetskopia (JSON)' }).click()
  const backup = JSON.parse(readFileSync((await (await backupDownload).path())!, 'utf8')) as {
    format: string
  }
  expect(backup.format).toBe('modellrummet.group-backup')

  // A meeting's board: its minutes.
  await openBoard(anna, /^BM1/, 'agenda')
  const minutesDownload = anna.waitForEvent('download')
  await anna.getByRole('link', { name: 'Ladda ner protokoll (Word)' }).click()
  const minutes = await minutesDownload
  expect(minutes.suggestedFilename()).toMatch(/^Minnesanteckningar .*\.docx$/)
  expect(
    readFileSync((await minutes.path())!)
      .subarray(0, 2)
      .toString(),
  ).toBe('PK')
  await anna.context().close()
})

test('a viewer gets no backup button, and a printed board part shows no controls', async ({
  browser,
}) => {
  const group = livingGroup()
  const bo = await joinAs(browser, group.invites.viewer, 'Bo Utskrift')
  await expect(bo.getByRole('link', { name: 'Ladda ner checklistan (Excel)' })).toBeVisible()
  await expect(bo.getByRole('link', { name: 'Ladda ner säkerhetskopia (JSON)' })).toHaveCount(0)

  const anna = await joinAs(browser, group.invites.facilitator, 'Anna Utskrift', 'Hedemora kommun')
  await openBoard(anna, /^BM1/, 'pdsa')
  await expect(anna.getByRole('button').first()).toBeVisible()
  await anna.emulateMedia({ media: 'print' })
  // Printed: no button, link-button, navigation or header is shown.
  const shown = await anna.evaluate(() =>
    [...document.querySelectorAll('button, .button, nav, .app-header, input')]
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => el.outerHTML.slice(0, 80)),
  )
  expect(
    shown.filter((html) => !html.startsWith('<input') || /type="(checkbox|radio)"/.test(html)),
  ).toEqual([])
  // A plan's checklist links print as the linked items only.
  const linked = await anna.locator('label.check:visible').count()
  const checked = await anna.locator('label.check input:checked').count()
  expect(linked).toBe(checked)
  await anna.screenshot({ path: test.info().outputPath('board-printed.png'), fullPage: true })
  const pdf = await anna.pdf({ format: 'A4' })
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF')
  await anna.context().close()
  await bo.context().close()
})
