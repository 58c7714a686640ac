import { expect, test, type BrowserContext, type Page, type Route } from '@playwright/test'
import type { MembersResponse } from '../../shared/api.ts'
import { seriousOrWorse } from './support/axe.ts'
import { freshMeeting, joinAs, livingGroup, openBoard } from './support/demo.ts'
import { agendaOfNewMeeting, storedUpdates } from './support/device-copy.ts'

const PAINTED = '#painted-board'
const PREFIX = 'modellrummet:painted:'

/** The painted boards this device keeps: URL → what was kept. */
const keptBoards = (page: Page) =>
  page.evaluate((prefix) => {
    const kept: Record<string, { entry: string; html: string }> = {}
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)
      if (key?.startsWith(prefix))
        kept[key.slice(prefix.length)] = JSON.parse(localStorage.getItem(key)!)
    }
    return kept
  }, PREFIX)

/** The app's entry script. */
const ENTRY = /\/assets\/index-[^/]+\.js$/

/**
 * The page's requests for `url` wait until the returned release is called, then go on (or
 * are answered by `reply`).
 */
async function holdRequests(
  page: Page,
  url: string | RegExp,
  reply: (route: Route) => Promise<void> = (route) => route.continue(),
): Promise<() => void> {
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(url, async (route) => {
    await held
    await reply(route)
  })
  return release
}

/**
 * A new tab of the device whose app entry is held back until `release` is called: what
 * shows meanwhile is the painted board alone.
 */
async function tabWithEntryHeld(device: BrowserContext) {
  const tab = await device.newPage()
  return { tab, release: await holdRequests(tab, ENTRY) }
}

/** Changes what the device keeps for `url`'s board, as if it had been kept otherwise. */
async function rewriteKept(
  device: BrowserContext,
  url: string,
  change: (kept: Record<string, unknown>) => Record<string, unknown>,
): Promise<void> {
  const key = PREFIX + new URL(url).pathname + new URL(url).search
  const page = await device.newPage()
  await page.goto('/')
  const kept = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), key))!) as Record<
    string,
    unknown
  >
  await page.evaluate(
    ([k, value]) => localStorage.setItem(k!, value!),
    [key, JSON.stringify(change(kept))],
  )
  await page.close()
}

/** A facilitator's new meeting with its first agenda title set, kept on the device. */
async function boardShownOnce(browser: Parameters<typeof agendaOfNewMeeting>[0], name: string) {
  const { group, page, title } = await agendaOfNewMeeting(browser, name, `Målad ${name}`)
  await title.fill('Målad rubrik')
  await expect
    .poll(async () => (await storedUpdates(page, group.room)).some((u) => u.includes('Målad')))
    .toBe(true)
  const url = page.url()
  const device = page.context()
  // Leaving the page keeps the board as it shows (visibilitychange to hidden).
  await page.close()
  return { group, url, device }
}

test('a returning visit shows the board as this device last showed it at once, inert, until the live board takes its place', async ({
  browser,
}) => {
  const { url, device } = await boardShownOnce(browser, 'Pia Målar')
  const path = new URL(url).pathname + new URL(url).search

  const { tab, release } = await tabWithEntryHeld(device)
  await tab.goto(url, { waitUntil: 'commit' })
  const painted = tab.locator(PAINTED)
  await expect(painted).toBeVisible()
  await expect(painted.locator('[data-painted-testid="agenda-title"]').first()).toHaveValue(
    'Målad rubrik',
  )
  await expect(painted.locator('h1')).toHaveText('Målad Pia Målar')
  await tab.screenshot({ path: test.info().outputPath('painted-board.png') })
  // Nothing of it is live: no test id, no id, no presence or connection status, no focus,
  // and assistive technology is not told of it.
  expect((await keptBoards(tab))[path]?.html).toContain('Målad rubrik')
  await expect(tab.getByTestId('agenda-title')).toHaveCount(0)
  await expect(painted).toHaveAttribute('aria-hidden', 'true')
  await expect(painted).toHaveJSProperty('inert', true)
  await expect(tab.getByRole('heading', { level: 1 })).toHaveCount(0)
  expect(await painted.locator('[id], [name], [data-testid]').count()).toBe(0)
  await expect(painted.locator('.connection, .presence')).toHaveCount(0)
  expect(await seriousOrWorse(tab)).toEqual([])
  await tab.keyboard.press('Tab')
  await tab.keyboard.press('Tab')
  expect(await tab.evaluate(() => document.activeElement?.closest('#painted-board') ?? null)).toBe(
    null,
  )

  release()
  const live = tab.getByTestId('agenda-title').first()
  await expect(live).toHaveValue('Målad rubrik')
  await expect(painted).toHaveCount(0)
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Målad Pia Målar')
  await expect(tab.locator('#root')).not.toHaveClass(/painted-under/)
  await live.fill('Levande rubrik')
  await expect(live).toHaveValue('Levande rubrik')
  await device.close()
})

test("another build's painted board is not shown, and leaving the group forgets them all", async ({
  browser,
}) => {
  const { url, device } = await boardShownOnce(browser, 'Ola Bygger')
  // As if kept by another build: its markup may not fit this one's styles and scripts.
  await rewriteKept(device, url, (kept) => ({ ...kept, entry: '/assets/index-old.js' }))
  const { tab, release } = await tabWithEntryHeld(device)
  await tab.goto(url, { waitUntil: 'commit' })
  await expect(tab.locator('#root')).toBeAttached()
  await tab.waitForTimeout(300)
  await expect(tab.locator(PAINTED)).toHaveCount(0)
  release()
  await expect(tab.getByTestId('agenda-title').first()).toHaveValue('Målad rubrik')

  await tab.getByRole('button', { name: 'Lämna gruppen' }).click()
  await tab.getByRole('dialog').getByRole('button', { name: 'Ja, lämna gruppen' }).click()
  await tab.waitForURL((left) => left.pathname === '/')
  expect(Object.keys(await keptBoards(tab))).toEqual([])
  await device.close()
})

test('a new role forgets the painted board, so the reload shows no control the member lost', async ({
  browser,
}) => {
  const group = livingGroup()
  const mentor = await joinAs(browser, group.invites.facilitator, 'Mona Mentor', 'Hedemora kommun')
  const member = await joinAs(browser, group.invites.participant, 'Rolf Byter', 'Fagersta kommun')
  await openBoard(member, await freshMeeting(mentor, 'Målad roll'), 'agenda')
  await expect(member.getByTestId('agenda-title').first()).toBeEditable()
  await expect.poll(async () => Object.keys(await keptBoards(member)).length).toBe(1)

  // The reload the new role causes is held before the app runs: only a painted board shows.
  const release = await holdRequests(member, ENTRY)
  const members = (await (
    await mentor.request.get(`/api/rooms/${group.room}/members`)
  ).json()) as MembersResponse
  const rolf = members.members.find((m) => m.displayName === 'Rolf Byter')
  if (!rolf) throw new Error('Rolf is not a member')
  // Committed, not loaded: the load event waits for the held entry.
  const reloaded = member.waitForEvent('framenavigated')
  const changed = await mentor.request.patch(`/api/rooms/${group.room}/members/${rolf.id}`, {
    data: { role: 'viewer' },
  })
  expect(changed.ok()).toBe(true)
  await reloaded
  await expect(member.locator('#root')).toBeAttached()
  await member.waitForTimeout(300)
  await expect(member.locator(PAINTED)).toHaveCount(0)
  expect(await keptBoards(member)).toEqual({})
  release()
  await expect(member.getByTestId('read-only-banner')).toBeVisible()
  await mentor.context().close()
  await member.context().close()
})

test('a painted board whose stylesheets come late never hides the live board', async ({
  browser,
}) => {
  const { url, device } = await boardShownOnce(browser, 'Siv Sent')
  await rewriteKept(device, url, (kept) => ({
    ...kept,
    styles: [...(kept.styles as string[]), '/assets/painted-late.css'],
  }))

  // The stylesheet the painted board waits for is answered only once the live board shows.
  const tab = await device.newPage()
  const answer = await holdRequests(tab, '**/assets/painted-late.css', (route) =>
    route.fulfill({ contentType: 'text/css', body: '' }),
  )
  // Committed, not loaded: the load event waits for that stylesheet too.
  await tab.goto(url, { waitUntil: 'commit' })
  const live = tab.getByTestId('agenda-title').first()
  await expect(live).toHaveValue('Målad rubrik')
  await expect(live).toBeVisible()
  await expect(tab.locator('#root')).not.toHaveClass(/painted-under/)
  answer()
  await tab.waitForTimeout(300)
  await expect(tab.locator(PAINTED)).toHaveCount(0)
  await device.close()
})
