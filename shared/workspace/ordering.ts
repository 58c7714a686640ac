import * as Y from 'yjs'

/**
 * Ordered collections are Y.Map<id, Y.Map> with a numeric `position`. Moving an item sets
 * a new position between its neighbours; it never deletes and reinserts the item, which
 * would drop a concurrent edit of it.
 */
export interface Positioned {
  id: string
  position: number
}

const byPosition = (a: Positioned, b: Positioned): number =>
  a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * The collection's items in order. An entry that is not a map is skipped and a position
 * that is not a finite number counts as 0 (NaN would make the sort's order arbitrary):
 * anyone in the group can write anything, and one bad entry must not blank the list.
 */
export function orderedEntries(collection: Y.Map<Y.Map<unknown>>): Positioned[] {
  const entries: Positioned[] = []
  collection.forEach((item: unknown, id) => {
    if (!(item instanceof Y.Map)) return
    const position: unknown = item.get('position')
    entries.push({
      id,
      position: typeof position === 'number' && Number.isFinite(position) ? position : 0,
    })
  })
  return entries.sort(byPosition)
}

/** A position after every item. */
export const positionAtEnd = (collection: Y.Map<Y.Map<unknown>>): number => {
  const entries = orderedEntries(collection)
  return (entries.at(-1)?.position ?? 0) + 1
}

/** Moves `id` so that it ends up at `index` among the others. */
export function moveToIndex(collection: Y.Map<Y.Map<unknown>>, id: string, index: number): void {
  const item: unknown = collection.get(id)
  if (!(item instanceof Y.Map)) return
  const others = orderedEntries(collection).filter((entry) => entry.id !== id)
  const at = Math.max(0, Math.min(index, others.length))
  const before = others[at - 1]?.position
  const after = others[at]?.position
  let position: number
  if (before === undefined && after === undefined) position = 1
  else if (before === undefined) position = (after as number) - 1
  else if (after === undefined) position = before + 1
  else position = (before + after) / 2
  item.set('position', position)
}

/** Moves `id` one step up (-1) or down (+1). */
export function moveBy(collection: Y.Map<Y.Map<unknown>>, id: string, delta: -1 | 1): void {
  const index = orderedEntries(collection).findIndex((entry) => entry.id === id)
  if (index < 0) return
  moveToIndex(collection, id, index + delta)
}
