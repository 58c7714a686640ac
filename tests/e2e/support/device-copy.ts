import type { Page } from '@playwright/test'

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
