import type * as Y from 'yjs'
import { diffText } from '../../../shared/workspace/text-diff.ts'

export { diffText }

/** Applies what the user typed to the Y.Text as a minimal edit, so concurrent typing merges. */
export function applyLocalEdit(text: Y.Text, next: string, origin: unknown): void {
  const change = diffText(text.toString(), next)
  if (change.remove === 0 && change.insert === '') return
  text.doc?.transact(() => {
    if (change.remove > 0) text.delete(change.index, change.remove)
    if (change.insert) text.insert(change.index, change.insert)
  }, origin)
}

type Delta = { insert?: unknown; delete?: number; retain?: number }[]

/** Where a caret at `position` ends up after a remote change described by `delta`. */
export function mapPosition(delta: Delta, position: number): number {
  let index = 0
  let mapped = position
  // An insert exactly at the caret goes after it: someone typing where I stand does not move me.
  for (const op of delta) {
    if (op.retain !== undefined) index += op.retain
    else if (typeof op.insert === 'string') {
      if (index < mapped) mapped += op.insert.length
      index += op.insert.length
    } else if (op.delete !== undefined) {
      if (index < mapped) mapped -= Math.min(op.delete, mapped - index)
    }
    if (index > mapped) break
  }
  return mapped
}
