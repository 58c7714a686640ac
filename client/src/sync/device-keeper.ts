import * as Y from 'yjs'
import { readUpdates, settled, updatesStore, type DeviceCopy } from './device-store.ts'

/** As y-indexeddb: past this many stored updates the copy is folded into one. */
const COMPACT_AFTER_UPDATES = 500
/** Folded a while after that, not on the keystroke that reached it. */
const COMPACT_DELAY_MS = 1_000

/** Keeps a doc and this device's copy of it together; `stop` closes the copy. */
export interface DeviceKeeper {
  stop(): void
}

/**
 * Applies the device's copy to the doc (one transaction), then stores every later update of
 * the doc in it. What the copy already held is not stored again; past COMPACT_AFTER_UPDATES
 * updates the copy is folded into the doc's state, and another tab's updates stored
 * meanwhile are applied first, so folding loses none of them.
 */
export function keepOnDevice(doc: Y.Doc, copy: DeviceCopy): DeviceKeeper {
  const fromDevice = Symbol('device copy')
  const { db } = copy
  let nextKey = copy.nextKey
  let stored = copy.updates.length
  let compactTimer: ReturnType<typeof setTimeout> | undefined

  const apply = (updates: Uint8Array[]) =>
    Y.transact(doc, () => updates.forEach((update) => Y.applyUpdate(doc, update)), fromDevice)

  const compact = async () => {
    compactTimer = undefined
    try {
      const store = updatesStore(db, 'readwrite')
      const fresh = await readUpdates(store, nextKey)
      apply(fresh.updates)
      const key = await settled(store.add(Y.encodeStateAsUpdate(doc)))
      await settled(store.delete(IDBKeyRange.upperBound(key, true)))
      nextKey = Number(key) + 1
      stored = 1
    } catch {
      // Closed meanwhile (the group was left): nothing to fold.
    }
  }

  const store = (update: Uint8Array) => {
    void settled(updatesStore(db, 'readwrite').add(update)).catch(() => undefined)
    if (++stored >= COMPACT_AFTER_UPDATES && compactTimer === undefined)
      compactTimer = setTimeout(() => void compact(), COMPACT_DELAY_MS)
  }
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== fromDevice) store(update)
  }

  // Whatever the doc held before its copy was read is kept too (it opens before the relay
  // does, so normally nothing).
  if (doc.store.clients.size > 0) store(Y.encodeStateAsUpdate(doc))
  apply(copy.updates)
  doc.on('update', onUpdate)
  return {
    stop() {
      clearTimeout(compactTimer)
      doc.off('update', onUpdate)
      db.close() // after the writes under way
    },
  }
}
