import type { Browser, Page } from '@playwright/test'
import { freshMeeting, joinAs, livingGroup, openBoard } from './demo.ts'

/** Hands the page's later loads the live document (client/src/sync/test-hooks.ts). */
export const exposeLiveDoc = (page: Page): Promise<void> =>
  page.evaluate(() => localStorage.setItem('modellrummet:test-hooks', '1'))

/**
 * A facilitator of the living group on the agenda of a new meeting, and its first title;
 * with `liveDoc`, the page's doc is handed to the test (exposeLiveDoc) before the board opens.
 */
export async function agendaOfNewMeeting(
  browser: Browser,
  name: string,
  meetingTitle: string,
  { liveDoc = false } = {},
) {
  const group = livingGroup()
  const page = await joinAs(browser, group.invites.facilitator, name, 'Hedemora kommun')
  if (liveDoc) await exposeLiveDoc(page)
  await openBoard(page, await freshMeeting(page, meetingTitle), 'agenda')
  return { group, page, title: page.getByTestId('agenda-title').first() }
}

/**
 * What this device's copy of the room holds (IndexedDB, y-indexeddb's format): each stored
 * update decoded as UTF-8, in which Yjs keeps inserted text as it was typed.
 */
export const storedUpdates = (page: Page, room: string): Promise<string[]> =>
  page.evaluate(async (room) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(`modellrummet:${room}`)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const updates = await new Promise<Uint8Array[]>((resolve, reject) => {
      const request = db.transaction('updates').objectStore('updates').getAll()
      request.onsuccess = () => resolve(request.result as Uint8Array[])
      request.onerror = () => reject(request.error)
    })
    db.close()
    return updates.map((update) => new TextDecoder().decode(update))
  }, room)
