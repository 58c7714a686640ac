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
export const localCopyName = (room: string): string => `modellrummet:${room}`

/** A room's database, open, and what it held when read. */
export interface DeviceCopy {
  db: IDBDatabase
  updates: Uint8Array[]
  /** The key after the last update read: updates from here on were not read yet. */
  nextKey: number
}

export const request = <T>(req: IDBRequest<T>): Promise<T> =>
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

/** Every update stored from `fromKey` on, and the key after the last of them. */
export async function readUpdates(
  store: IDBObjectStore,
  fromKey: number,
): Promise<{ updates: Uint8Array[]; nextKey: number }> {
  const range = IDBKeyRange.lowerBound(fromKey)
  const [updates, keys] = await Promise.all([
    request(store.getAll(range) as IDBRequest<Uint8Array[]>),
    request(store.getAllKeys(range)),
  ])
  const last = keys.at(-1)
  return { updates, nextKey: typeof last === 'number' ? last + 1 : fromKey }
}

async function readFrom(db: IDBDatabase): Promise<DeviceCopy> {
  const store = db.transaction(UPDATES, 'readonly').objectStore(UPDATES)
  const { updates, nextKey } = await readUpdates(store, 0)
  return { db, updates, nextKey }
}

/**
 * The room's copy on this device, read; null where there is none (or no IndexedDB: a
 * private window of some browsers, a locked-down profile).
 */
export async function readDeviceCopy(name: string): Promise<DeviceCopy | null> {
  try {
    const db = await openDatabase(name, false)
    return db ? await readFrom(db) : null
  } catch {
    return null
  }
}

/** The room's copy on this device, made now where there was none; null without IndexedDB. */
export async function openDeviceCopy(name: string): Promise<DeviceCopy | null> {
  try {
    const db = await openDatabase(name, true)
    return db ? await readFrom(db) : null
  } catch {
    return null
  }
}

/** The store of updates, in a transaction of `mode` of its own. */
export const updatesStore = (db: IDBDatabase, mode: IDBTransactionMode): IDBObjectStore =>
  db.transaction(UPDATES, mode).objectStore(UPDATES)

/** Deletes the room's copy; settles once deleted (another open tab holds it until it closes). */
export const deleteDeviceCopy = (name: string): Promise<void> =>
  request(indexedDB.deleteDatabase(name)).then(() => undefined)
