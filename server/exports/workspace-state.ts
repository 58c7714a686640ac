import * as Y from 'yjs'
import { migrateWorkspace } from '../../shared/workspace/migrations/index.ts'

/**
 * A workspace read for an export from its stored updates (snapshot first), brought to the
 * schema this code reads, as a room's load does. The migration changes only this copy;
 * nothing is stored.
 */
export function workspaceFrom(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update)
  })
  migrateWorkspace(doc)
  return doc
}

/**
 * The whole workspace as one update (a backup's state), as stored: no migration, so a
 * restore brings back exactly what was kept.
 */
export function workspaceState(updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc()
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update)
  })
  const state = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return state
}
