import { expect, test, type Page } from '@playwright/test'
import { joinAs, openBoard } from './support/demo.ts'
import { agendaOfNewMeeting, storedUpdates } from './support/device-copy.ts'

/**
 * A device writes to a group under the Yjs client ids it used there before
 * (client/src/sync/client-ids.ts), never under one another tab holds or one whose last
 * writes its copy lacks.
 */

/** The tab's live doc: its client id and how many ids have written to it. */
const liveDoc = (page: Page) =>
  page.evaluate(() => {
    const doc = window.modellrummetDoc
    return doc ? { id: doc.clientID, ids: doc.store.clients.size } : null
  })

/** This device's id entries for the room: id → its clock once released, or 'in-use'. */
const idEntries = (page: Page, room: string) =>
  page.evaluate((prefix) => {
    const entries: Record<string, string | null> = {}
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)
      if (key?.startsWith(prefix)) entries[key.slice(prefix.length)] = localStorage.getItem(key)
    }
    return entries
  }, `modellrummet:client-id:${room}:`)

/** Types into the agenda's first title and waits for this device's copy to hold it. */
async function typeAndKeep(page: Page, room: string, text: string) {
  await page.getByTestId('agenda-title').first().fill(text)
  await expect
    .poll(async () => (await storedUpdates(page, room)).some((u) => u.includes(text)))
    .toBe(true)
}

/** A new tab of the same device on the board, once its doc holds a pooled id. */
async function openAgain(page: Page, board: string, room: string) {
  const tab = await page.context().newPage()
  await tab.goto(board)
  await expect
    .poll(async () => {
      const doc = await liveDoc(tab)
      return doc && (await idEntries(tab, room))[doc.id]
    })
    .toBe('in-use')
  return tab
}

test('a returning visit writes under the id the last one used, unless its copy lacks that id’s writes', async ({
  browser,
}) => {
  const { group, page } = await agendaOfNewMeeting(browser, 'Ida Igen', 'Samma id', {
    liveDoc: true,
  })
  const [room, board] = [group.room, page.url()]
  await expect.poll(async () => (await liveDoc(page))?.id).toBeGreaterThan(0)
  // Another member, on the board all along, sees Ida come, go and come back.
  const olle = await joinAs(browser, group.invites.participant, 'Olle Ser', 'Hedemora kommun')
  await openBoard(olle, /Samma id/, 'agenda')
  const here = olle.getByRole('region', { name: 'Här nu' })
  await expect(here.getByText('Ida Igen')).toBeVisible()
  await typeAndKeep(page, room, 'Första besöket')
  const first = (await liveDoc(page))!
  expect((await idEntries(page, room))[first.id]).toBe('in-use')
  await page.close()
  await expect(here.getByText('Ida Igen')).toHaveCount(0)

  const second = await openAgain(page, board, room)
  expect((await liveDoc(second))?.id).toBe(first.id)
  // Her presence is announced under the same id again, and shown.
  await expect(here.getByText('Ida Igen')).toBeVisible()
  await typeAndKeep(second, room, 'Sedan igen')
  // The edit added no client id to the workspace.
  expect((await liveDoc(second))?.ids).toBe(first.ids)
  await second.close()

  // As if the last writes never reached this device's copy: the stored clock is past it.
  const landing = await page.context().newPage()
  await landing.goto('/')
  const released = Number((await idEntries(landing, room))[first.id])
  expect(released).toBeGreaterThan(0)
  await landing.evaluate(({ key, clock }) => localStorage.setItem(key, clock), {
    key: `modellrummet:client-id:${room}:${first.id}`,
    clock: String(released + 5),
  })
  const third = await openAgain(landing, board, room)
  expect((await liveDoc(third))?.id).not.toBe(first.id)
  const left = await idEntries(third, room)
  expect(left[first.id]).toBeUndefined()
  expect(left['12345']).toBeUndefined()
  await third.context().close()
  await olle.context().close()
})

test('two tabs of one device never write under the same id', async ({ browser }) => {
  const { group, page } = await agendaOfNewMeeting(browser, 'Tove Tvåflik', 'Två flikar', {
    liveDoc: true,
  })
  const [room, board] = [group.room, page.url()]
  await expect
    .poll(async () => (await idEntries(page, room))[(await liveDoc(page))?.id ?? 0])
    .toBe('in-use')
  await typeAndKeep(page, room, 'Flik ett')
  const other = await openAgain(page, board, room)
  const [one, two] = [await liveDoc(page), await liveDoc(other)]
  expect(two?.id).not.toBe(one?.id)
  // Both edit; each tab sees the other's text.
  await other.getByTestId('agenda-title').first().fill('Flik två')
  await expect(page.getByTestId('agenda-title').first()).toHaveValue('Flik två')
  await page.context().close()
})
