import { readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
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

/** The export section's serious and critical axe violations (WCAG 2.1 AA rules). */
const exportSectionViolations = async (page: Page) => {
  const results = await new AxeBuilder({ page })
    .include('.export-links')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

/** How far the page, or any of the export section's links, reaches past the screen's width. */
const overflowAt375 = (page: Page) =>
  page.evaluate(() => {
    const width = window.innerWidth
    const links = [...document.querySelectorAll('.export-links a, .export-links button')].map(
      (el) => el.getBoundingClientRect().right - width,
    )
    return Math.max(document.documentElement.scrollWidth - width, ...links)
  })

test('the export section on the group home and the board: axe clean, and no sideways scroll at 375 px', async ({
  browser,
}) => {
  const group = livingGroup()
  const anna = await joinAs(browser, group.invites.facilitator, 'Anna Bredd', 'Hedemora kommun')
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 375, height: 812 },
  ]) {
    await anna.setViewportSize(viewport)
    await anna.goto(anna.url().replace(/\/m\/.*$/, ''))
    const section = anna.locator('.export-links')
    await expect(
      section.getByRole('link', { name: 'Ladda ner säkerhetskopia (JSON)' }),
    ).toBeVisible()
    expect(await exportSectionViolations(anna), `group home ${viewport.width}`).toEqual([])
    if (viewport.width === 375) expect(await overflowAt375(anna)).toBeLessThanOrEqual(1)

    await openBoard(anna, /^BM1/, 'agenda')
    await expect(section.getByRole('link', { name: 'Ladda ner protokoll (Word)' })).toBeVisible()
    expect(await exportSectionViolations(anna), `board ${viewport.width}`).toEqual([])
    if (viewport.width === 375) {
      expect(await overflowAt375(anna)).toBeLessThanOrEqual(1)
      await section.screenshot({ path: test.info().outputPath('export-section-375.png') })
    }
  }
  await anna.context().close()
})
