import { createMemo, onCleanup } from 'solid-js'
import * as Y from 'yjs'
import { createUndoOffer } from '../components/undo-offer.ts'

/** The shared types an undo manager watches (Yjs's own parameter type). */
type UndoScope = ConstructorParameters<typeof Y.UndoManager>[0]

/**
 * Removals that can be undone for a while, by the person who made them only: a Yjs
 * UndoManager over `scope` (the maps a removal changes) that tracks this device's own
 * removal transactions (their origin) and nobody else's edits. Made again when the scope's
 * maps change (another meeting), released with its owner. The offer itself (how long it
 * stays, what UndoOffer shows) is the one every removal uses (components/undo-offer.ts).
 */
export function createRemovalUndo(scope: () => UndoScope | null) {
  const origin = Symbol('removal')
  const manager = createMemo(() => {
    const types = scope()
    if (!types) return null
    const undo = new Y.UndoManager(types, { trackedOrigins: new Set([origin]) })
    onCleanup(() => undo.destroy())
    return undo
  })
  const offer = createUndoOffer()

  /** Runs `change` as this person's removal and offers to undo it, saying `message`. */
  function remove(doc: Y.Doc, change: () => void, message: string): void {
    doc.transact(change, origin)
    // Each removal its own step: "Ångra" brings back the last one, not several at once.
    manager()?.stopCapturing()
    offer.show(message, undoLast)
  }

  /** Brings back the last removal of the current scope; says whether there was one. */
  function undoLast(): boolean {
    const undone = manager()?.undo()
    return undone !== null && undone !== undefined
  }

  return { ...offer, remove }
}
