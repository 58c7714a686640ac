import * as Y from 'yjs'
import type { Rooms } from '../relay/rooms.ts'
import type { DocStore } from '../storage/doc-store.ts'

/** Applies a server-side change to a group's Y.Doc and stores it. */
export interface DocWriter {
  change(room: string, apply: (doc: Y.Doc) => void): Promise<void>
}

/** In a running server: through the live room (committed, then relayed to everyone). */
export const roomsDocWriter = (rooms: Rooms): DocWriter => ({
  change: (room, apply) => rooms.change(room, apply),
})

/** Loads a room's Y.Doc from the stored snapshot and log entries. */
export async function loadDoc(store: DocStore, room: string): Promise<Y.Doc> {
  const stored = await store.load(room)
  const doc = new Y.Doc()
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
    for (const update of stored.updates) Y.applyUpdate(doc, update)
  })
  return doc
}

/**
 * Without a running server (the CLI): loads the doc from the store, applies the change and
 * appends what it produced to the log, so a server started later reads the same state.
 * A change that alters nothing (an idempotent set-up run again) appends nothing.
 */
export const storeDocWriter = (store: DocStore): DocWriter => ({
  async change(room, apply) {
    const doc = await loadDoc(store, room)
    const produced: Uint8Array[] = []
    const collect = (update: Uint8Array) => produced.push(update)
    doc.on('update', collect)
    try {
      doc.transact(() => apply(doc))
      if (produced.length === 0) return
      const update = produced.length === 1 ? produced[0]! : Y.mergeUpdates(produced)
      await store.append([{ room, update }])
    } finally {
      doc.off('update', collect)
      doc.destroy()
    }
  },
})
