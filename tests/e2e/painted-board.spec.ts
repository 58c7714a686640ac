import { expect, test, type BrowserContext, type Page } from '@playwright/test'
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

/**
 * A new tab of the device whose app entry is held back until `release` is called: what
 * shows meanwhile is the painted board alone.
 */
async function tabWithEntryHeld(device: BrowserContext) {
  const tab = await device.newPage()
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await tab.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await held
    await route.continue()
  })
  return { tab, release }
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
  // Leaving the page keeps the board as it shows (pagehide).
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
  const path = new URL(url).pathname + new URL(url).search

  // As if kept by another build: its markup may not fit this one's styles and scripts.
  const setup = await device.newPage()
  await setup.goto('/')
  await setup.evaluate(
    ([key]) => {
      const kept = JSON.parse(localStorage.getItem(key!)!) as { entry: string }
      localStorage.setItem(key!, JSON.stringify({ ...kept, entry: '/assets/index-old.js' }))
    },
    [PREFIX + path],
  )
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
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await member.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await held
    await route.continue()
  })
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
  const path = new URL(url).pathname + new URL(url).search
  const setup = await device.newPage()
  await setup.goto('/')
  await setup.evaluate(
    ([key]) => {
      const kept = JSON.parse(localStorage.getItem(key!)!) as { styles: string[] }
      localStorage.setItem(
        key!,
        JSON.stringify({ ...kept, styles: [...kept.styles, '/assets/painted-late.css'] }),
      )
    },
    [PREFIX + path],
  )
  await setup.close()

  // The stylesheet the painted board waits for is answered only once the live board shows.
  const tab = await device.newPage()
  let answer = () => {}
  const answered = new Promise<void>((resolve) => (answer = resolve))
  await tab.route('**/assets/painted-late.css', async (route) => {
    await answered
    await route.fulfill({ contentType: 'text/css', body: '' })
  })
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
