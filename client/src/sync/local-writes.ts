import * as Y from 'yjs'

/** What pathOf reads of a shared type: its item in the parent, and its document. */
interface Placed {
  readonly _item: Y.Item | null
  readonly doc: Y.Doc | null
}

/**
 * The path of map keys from a root type to `type` (['pdsaPlans', '<id>', 'aim']), as the
 * write policy reads paths; null for a type inside an array (the workspace has none) or
 * one not in a document.
 */
export function pathOf(type: Placed): string[] | null {
  const keys: string[] = []
  let current: Placed = type
  while (current._item !== null) {
    const item = current._item
    if (item.parentSub === null || !(item.parent instanceof Y.AbstractType)) return null
    keys.unshift(item.parentSub)
    current = item.parent
  }
  for (const [name, root] of current.doc?.share ?? []) {
    if (root === current) return [name, ...keys]
  }
  return null
}

/** The paths one transaction changed: a map's changed keys, a text or array itself. */
export function changedPaths(transaction: Y.Transaction): string[][] {
  const paths: string[][] = []
  transaction.changed.forEach((keys, type) => {
    const path = pathOf(type)
    if (!path) return
    for (const key of keys) paths.push(key === null ? path : [...path, key])
  })
  return paths
}

export interface LocalWriteLog {
  /** The paths of this device's latest changes, newest first. */
  recent(): readonly string[][]
}

/**
 * Remembers where this device last wrote, so a refusal from the relay (which says only
 * "locked") can be explained: "planen är låst av Anna".
 */
export function createLocalWriteLog(doc: Y.Doc, size = 32): LocalWriteLog & { stop(): void } {
  let paths: string[][] = []
  const onTransaction = (transaction: Y.Transaction) => {
    if (!transaction.local) return
    const changed = changedPaths(transaction)
    if (changed.length > 0) paths = [...changed.reverse(), ...paths].slice(0, size)
  }
  doc.on('afterTransaction', onTransaction)
  return {
    recent: () => paths,
    stop: () => doc.off('afterTransaction', onTransaction),
  }
}
