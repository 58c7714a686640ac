import { expect, test, type Page } from '@playwright/test'
import { joinAs, livingGroup, openBoard } from './support/demo.ts'

/** Every CSP violation the page reports, and console errors that mention the policy. */
function collectViolations(page: Page): string[] {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy|Refused to/i.test(message.text())) {
      violations.push(message.text())
    }
  })
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `Refused to load ${event.blockedURI} (${event.violatedDirective}) at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber} ${event.sample}`,
      )
    })
  })
  return violations
}

test('the join form refuses a name with nothing visible or a direction override, as the server does', async ({
  page,
}) => {
  const violations = collectViolations(page)
  await page.goto(`/join#${livingGroup().invites.viewer}`)
  const name = page.getByLabel('Ditt namn')
  await name.fill('\u200b\u200b')
  await page.getByRole('button', { name: 'Gå med' }).click()
  await expect(page.getByRole('alert')).toHaveText('Namnet behöver minst ett synligt tecken.')
  await expect(name).toHaveAttribute('aria-invalid', 'true')
  await name.fill('Vera\u202e')
  await page.getByRole('button', { name: 'Gå med' }).click()
  await expect(page.getByRole('alert')).toHaveText(
    'Namnet får inte innehålla tecken som vänder textriktningen.',
  )
  expect(page.url()).toMatch(/\/join/)
  expect(violations).toEqual([])
})

test('the board works under the Content-Security-Policy: no violations while editing', async ({
  browser,
}) => {
  const group = livingGroup()
  const page = await joinAs(browser, group.invites.participant, 'Petra Policy', 'Askersunds kommun')
  // From the reload on: the whole app (scripts, styles, the relay's socket) under the policy.
  const violations = collectViolations(page)
  const response = await page.reload()
  expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  await openBoard(page, /^BM1/, 'matris')
  await openBoard(page, /^BM1/, 'checklista')
  await openBoard(page, /^BM1/, 'agenda')
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  expect(violations).toEqual([])
  await page.context().close()
})
