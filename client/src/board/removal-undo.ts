import { createMemo, createSignal, onCleanup } from 'solid-js'
import * as Y from 'yjs'

/** The shared types an undo manager watches (Yjs's own parameter type). */
type UndoScope = ConstructorParameters<typeof Y.UndoManager>[0]

/** How long the undo offer stays after a removal (kept while focus is in it). */
export const UNDO_OFFER_MS = 10_000

/**
 * Removals that can be undone for a while, by the person who made them only: a Yjs
 * UndoManager over `scope` (the maps a removal changes) that tracks this device's own
 * removal transactions (their origin) and nobody else's edits. Made again when the scope's
 * maps change (another meeting), released with its owner.
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
  const [offer, setOffer] = createSignal<string | null>(null)
  let timer: ReturnType<typeof setTimeout> | undefined
  let region: HTMLElement | undefined

  const expire = () => {
    // Someone about to press "Ångra" (focus or pointer on it) keeps the offer.
    if (region && (region.contains(document.activeElement) || region.matches(':hover'))) {
      timer = setTimeout(expire, UNDO_OFFER_MS)
      return
    }
    setOffer(null)
  }
  onCleanup(() => clearTimeout(timer))

  /** Runs `change` as this person's removal and offers to undo it, saying `message`. */
  function remove(doc: Y.Doc, change: () => void, message: string): void {
    doc.transact(change, origin)
    // Each removal its own step: "Ångra" brings back the last one, not several at once.
    manager()?.stopCapturing()
    clearTimeout(timer)
    setOffer(message)
    timer = setTimeout(expire, UNDO_OFFER_MS)
  }

  /** Brings back the last removal; says whether there was one. */
  function undo(): boolean {
    clearTimeout(timer)
    setOffer(null)
    const undone = manager()?.undo()
    return undone !== null && undone !== undefined
  }

  return {
    remove,
    undo,
    offer,
    /** The element holding the offer (its focus keeps the offer open). */
    region: (element: HTMLElement) => (region = element),
  }
}

export type RemovalUndo = ReturnType<typeof createRemovalUndo>
