import type * as Y from 'yjs'

/**
 * Drops what Yjs holds back after a room's stored state is applied: structs waiting for a
 * predecessor that never came, and deletions of content the room does not have. Bad stored
 * updates left these behind, and Yjs re-applies them on every later update (one poisoned
 * room took 2.5–3.9 s per edit after a restart). Nothing in them is visible in the document,
 * so nothing a member sees is lost. Returns whether anything was dropped.
 */
export function clearPendingOnLoad(doc: Y.Doc): boolean {
  const { store } = doc
  const dropped = store.pendingStructs !== null || store.pendingDs !== null
  store.pendingStructs = null
  store.pendingDs = null
  return dropped
}
