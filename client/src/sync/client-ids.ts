import * as Y from 'yjs'

/**
 * Yjs client ids this device reuses in a room's doc. Every Y.Doc starts with a new random
 * id, so a workspace gains one per page load that edits, and every transaction (each
 * keystroke here, each relayed update on the server) walks all of them twice to take the
 * state vector: an update cost 8.6 µs to apply with 20 ids in the doc, 40.6 with 500 and
 * 235.6 with 2,000 (`npm run bench:client-ids`; yjs/yjs#415). So a tab takes an id this
 * device released before, when two things hold:
 * - it holds the id's Web Lock (`navigator.locks`), so no other tab of the device uses it;
 * - the doc already holds everything written under it: its clock there equals the clock
 *   stored when the id was released. An id that ended elsewhere (a tab that crashed, a copy
 *   that lost its last writes) is never taken again, since new writes under it could
 *   collide with ones some other copy holds.
 * Each id has its own localStorage entry and Web Lock, both named `…:<room>:<id>`: the
 * entry holds its clock once released, IN_USE while a tab holds it. Only the tab holding an
 * id's lock writes its entry. A tab that finds an entry it can lock either takes it or
 * removes it, so a room keeps about as many ids as the device had tabs open on it at once.
 */
const PREFIX = 'modellrummet:client-id:'
const IN_USE = 'in-use'
type IdStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>
type IdLocks = Pick<LockManager, 'request' | 'query'>

/** An id this tab holds in a room; `release` stores where it ended and frees it. */
export interface HeldClientId {
  id: number
  release(): void
}

/** An id's localStorage entry and its Web Lock go by one name. */
const nameOf = (room: string, id: number) => `${PREFIX}${room}:${id}`

/** The room's entries: each id, and its clock once released (null while in use). */
function pooledIds(storage: IdStorage, room: string): { id: number; clock: number | null }[] {
  const prefix = `${PREFIX}${room}:`
  const entries: { id: number; clock: number | null }[] = []
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i)
    if (!key?.startsWith(prefix)) continue
    const id = Number(key.slice(prefix.length))
    const value = storage.getItem(key)
    const clock = value === IN_USE ? null : Number(value)
    if (Number.isSafeInteger(id) && (clock === null || Number.isSafeInteger(clock)))
      entries.push({ id, clock })
  }
  return entries
}

/** The id's lock, if no one holds it; held until `free` is called. */
async function lockIfFree(locks: IdLocks, name: string): Promise<(() => void) | null> {
  let free = () => {}
  const held = new Promise<void>((resolve) => (free = resolve))
  const taken = new Promise<boolean>((resolve) => {
    void locks.request(name, { ifAvailable: true }, (lock) => {
      resolve(lock !== null)
      return lock ? held : undefined
    })
  })
  return (await taken) ? free : null
}

/**
 * Gives `doc` an id this device released in the room when one is free and complete in the
 * doc (call once the device's copy is in it, before the relay connects); otherwise keeps
 * the doc's own id and pools that. Null without Web Locks or storage: ids are not reused.
 */
export async function reuseClientId(
  room: string,
  doc: Y.Doc,
  locks: IdLocks | undefined = globalThis.navigator?.locks,
  storage: IdStorage | undefined = globalThis.localStorage,
): Promise<HeldClientId | null> {
  if (!locks || !storage) return null
  try {
    const held = new Set((await locks.query()).held?.map((lock) => lock.name))
    const entries = pooledIds(storage, room)
    for (const { id, clock } of entries) {
      // In use without its lock: its tab ended without saying where. Never reused.
      if (clock === null && !held.has(nameOf(room, id))) storage.removeItem(nameOf(room, id))
    }
    const released = entries.filter((entry) => entry.clock !== null)
    for (const { id, clock } of released) {
      const free = await lockIfFree(locks, nameOf(room, id))
      if (!free) continue
      if (Y.getState(doc.store, id) === clock) return claim(room, doc, id, free, storage)
      storage.removeItem(nameOf(room, id)) // the doc lacks some of its writes
      free()
    }
    const own = await lockIfFree(locks, nameOf(room, doc.clientID))
    return own ? claim(room, doc, doc.clientID, own, storage) : null
  } catch {
    return null // storage full or refused, locks refused: the doc keeps its own id
  }
}

function claim(room: string, doc: Y.Doc, id: number, free: () => void, storage: IdStorage) {
  storage.setItem(nameOf(room, id), IN_USE)
  doc.clientID = id
  let released = false
  return {
    id,
    release() {
      if (released) return
      released = true
      try {
        storage.setItem(nameOf(room, id), String(Y.getState(doc.store, id)))
      } catch {
        // Not stored: the entry stays in use, and the id is never reused.
      }
      free()
    },
  }
}

/** Forgets the room's ids (leaving the group: its copy is deleted). */
export function forgetClientIds(
  room: string,
  storage: IdStorage | undefined = globalThis.localStorage,
): void {
  try {
    if (storage) for (const { id } of pooledIds(storage, room)) storage.removeItem(nameOf(room, id))
  } catch {
    // No storage: nothing kept.
  }
}
