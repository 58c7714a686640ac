/**
 * This device's copy of a room in IndexedDB, in y-indexeddb's format: one database per room,
 * its Yjs updates in the store `updates` under increasing keys (`custom` kept, unused), so a
 * copy kept by an earlier version of the app still loads. Plain IndexedDB, no Yjs: the entry
 * reads the copy while the group's code loads (app/group-load.ts); local-copy.ts applies it
 * and keeps it up to date.
 */
const UPDATES = 'updates'
const CUSTOM = 'custom'

/** The name of this device's copy of a room (y-indexeddb's database name). */
const localCopyName = (room: string): string => `modellrummet:${room}`

/** A room's database, open, and what it held when read. */
export interface DeviceCopy {
  db: IDBDatabase
  updates: Uint8Array[]
  /** The key after the last update read: updates from here on were not read yet. */
  nextKey: number
}

/** An IndexedDB request, as a promise of its result. */
export const settled = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'))
  })

/**
 * Opens the room's database. With `create` false only one that exists: for a room this
 * device keeps no copy of, the upgrade that would create it is aborted (null, and nothing is
 * left behind), so a visit without a copy makes none until the session is known.
 */
function openDatabase(name: string, create: boolean): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(name)
    opening.onupgradeneeded = () => {
      if (!create) return opening.transaction?.abort()
      opening.result.createObjectStore(UPDATES, { autoIncrement: true })
      opening.result.createObjectStore(CUSTOM)
    }
    opening.onsuccess = () => resolve(opening.result)
    opening.onerror = () =>
      create ? reject(opening.error ?? new Error('IndexedDB open failed')) : resolve(null)
  })
}

/** The store of updates, in a transaction of `mode` of its own. */
export const updatesStore = (db: IDBDatabase, mode: IDBTransactionMode): IDBObjectStore =>
  db.transaction(UPDATES, mode).objectStore(UPDATES)

/** Every update stored from `fromKey` on, and the key after the last of them. */
export async function readUpdates(
  store: IDBObjectStore,
  fromKey: number,
): Promise<{ updates: Uint8Array[]; nextKey: number }> {
  const range = IDBKeyRange.lowerBound(fromKey)
  const [updates, keys] = await Promise.all([
    settled(store.getAll(range) as IDBRequest<Uint8Array[]>),
    settled(store.getAllKeys(range)),
  ])
  const last = keys.at(-1)
  return { updates, nextKey: typeof last === 'number' ? last + 1 : fromKey }
}

/** The room's copy, opened and read; null where there is none or no IndexedDB. */
async function copyOf(room: string, create: boolean): Promise<DeviceCopy | null> {
  let db: IDBDatabase | null = null
  try {
    db = await openDatabase(localCopyName(room), create)
    if (!db) return null
    const { updates, nextKey } = await readUpdates(updatesStore(db, 'readonly'), 0)
    return { db, updates, nextKey }
  } catch {
    // No IndexedDB (a private window of some browsers, a locked-down profile), or a copy
    // that cannot be read: the board loads from the relay alone.
    db?.close()
    return null
  }
}

/** The room's copy on this device, read; null where it keeps none (none is made). */
export const readDeviceCopy = (room: string): Promise<DeviceCopy | null> => copyOf(room, false)

/** The room's copy on this device, made now where there was none. */
export const openDeviceCopy = (room: string): Promise<DeviceCopy | null> => copyOf(room, true)

/** Deletes the room's copy; settles once deleted (another open tab holds it until it closes). */
export const deleteDeviceCopy = (room: string): Promise<void> =>
  settled(indexedDB.deleteDatabase(localCopyName(room))).then(() => undefined)
