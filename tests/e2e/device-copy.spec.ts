import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { agendaOfNewMeeting, storedUpdates } from './support/device-copy.ts'

/**
 * A new tab of the same device (browser context) whose relay never answers: the test takes
 * its socket (which opens) and never connects it to the server nor sends anything on it.
 */
async function tabWithoutRelay(device: BrowserContext): Promise<Page> {
  const tab = await device.newPage()
  await tab.routeWebSocket(/\/ws\//, () => undefined)
  return tab
}

/** A new meeting's first agenda title set to `text`, once this device's copy holds it. */
async function titleStoredOnDevice(browser: Browser, name: string, meeting: string, text: string) {
  const { group, page, title } = await agendaOfNewMeeting(browser, name, meeting)
  await title.fill(text)
  await expect
    .poll(async () => (await storedUpdates(page, group.room)).some((u) => u.includes(text)))
    .toBe(true)
  return { group, page }
}

test("a returning visit shows the board from this device's copy, without the relay", async ({
  browser,
}) => {
  const { group, page } = await titleStoredOnDevice(
    browser,
    'Rut Återvänder',
    'Kopian på enheten',
    'Sparat på enheten',
  )
  const board = page.url()

  const offline = await tabWithoutRelay(page.context())
  await offline.goto(board)
  await expect(offline.getByTestId('agenda-title').first()).toHaveValue('Sparat på enheten')

  // Another device, which joined but never opened the group, shows none of the board.
  const other = await browser.newContext()
  const joined = await other.request.post('/api/join', {
    data: { invite: group.invites.participant, name: 'Sam Annan' },
  })
  expect(joined.ok()).toBe(true)
  const fresh = await tabWithoutRelay(other)
  await fresh.goto(board)
  await expect(fresh.getByRole('heading', { level: 1, name: /Kopian på enheten/ })).toBeVisible()
  await expect(fresh.getByText('Hämtar arbetsytan …')).toBeVisible()
  await expect(fresh.getByTestId('agenda-title')).toHaveCount(0)
  await page.context().close()
  await other.close()
})

test("this device's copy is folded into one update after 500 edits, losing none", async ({
  browser,
}) => {
  const { group, page, title } = await agendaOfNewMeeting(browser, 'Vik Viker', 'Många ändringar')
  await title.fill('')
  // One stored update per keystroke: 520 of them.
  const typed = 'abcdefghijklmnopqrstuvwxyz'.repeat(20)
  await title.pressSequentially(typed)
  await expect(title).toHaveValue(typed)
  // Folded (a second after the 500th) into the doc's state and what came after it. On a slow
  // machine the last keystrokes come after the fold, each stored on its own (CI: the whole
  // text in no single update); what the fold holds is every keystroke up to the 500th update.
  await expect.poll(async () => (await storedUpdates(page, group.room)).length).toBeLessThan(20)
  const stored = await storedUpdates(page, group.room)
  expect(stored.some((u) => u.includes(typed.slice(0, 450)))).toBe(true)

  // The folded copy is the whole board: a tab without the relay shows the typed title.
  const offline = await tabWithoutRelay(page.context())
  await offline.goto(page.url())
  await expect(offline.getByTestId('agenda-title').first()).toHaveValue(typed)
  await page.context().close()
})

/**
 * The next page of the tab delays the success of its first opening of the room's copy by
 * `ms` (a slow disk), and records every frame's state: the group's header shown, the
 * board's first title filled.
 */
async function slowCopyAndFrames(page: Page, room: string, ms: number): Promise<void> {
  await page.addInitScript(
    ({ name, ms }) => {
      const frames: string[] = []
      Object.assign(window, { __frames: frames })
      const record = () => {
        // The live page's (the painted board before it, client/src/painted, is not it).
        const header = document.querySelector('#root .group-header') !== null
        const title = document.querySelector<HTMLInputElement>('[data-testid="agenda-title"]')
        const state = `${header ? 'header' : '-'} ${title?.value ? 'board' : '-'}`
        if (frames.at(-1) !== state) frames.push(state)
        requestAnimationFrame(record)
      }
      requestAnimationFrame(record)
      const open = IDBFactory.prototype.open
      let delayed = false
      IDBFactory.prototype.open = function (this: IDBFactory, ...args: [string, number?]) {
        const request = open.apply(this, args)
        if (args[0] !== name || delayed) return request
        delayed = true
        let handler: ((event: Event) => void) | null = null
        Object.defineProperty(request, 'onsuccess', {
          set: (value: ((event: Event) => void) | null) => (handler = value),
          get: () => handler,
        })
        request.addEventListener('success', (event) => {
          setTimeout(() => handler?.call(request, event), ms)
        })
        return request
      }
    },
    { name: `modellrummet:${room}`, ms },
  )
}

const framesOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { __frames: string[] }).__frames)

test("a returning visit shows the group's page with its board from this device's copy, not the page first", async ({
  browser,
}) => {
  const { group, page } = await titleStoredOnDevice(
    browser,
    'Ebba Ettsvep',
    'Allt på en gång',
    'Hela sidan',
  )

  // A copy read 150 ms late: the page waits for it and paints the header with the board.
  const returning = await tabWithoutRelay(page.context())
  await slowCopyAndFrames(returning, group.room, 150)
  await returning.goto(page.url())
  await expect(returning.getByTestId('agenda-title').first()).toHaveValue('Hela sidan')
  expect(await framesOf(returning)).not.toContain('header -')

  // A copy read 2 s late: the page is not held for it; the board follows from the copy.
  const slow = await tabWithoutRelay(page.context())
  await slowCopyAndFrames(slow, group.room, 2_000)
  await slow.goto(page.url())
  await expect(slow.locator('#root .group-header')).toBeVisible()
  await expect(slow.getByTestId('agenda-title').first()).toHaveValue('Hela sidan')
  expect(await framesOf(slow)).toContain('header -')
  await page.context().close()
})
