import type * as Y from 'yjs'
import { meetingsOf, meta, pdsaPlansOf, SCHEMA_VERSION } from '../document.ts'
import { storePlanNumbers } from './v1-plan-numbers.ts'

/**
 * The workspace document's migrations: `migrations[n - 1]` takes a version n document to
 * n + 1. Each is a pure change of the document (no clock, no randomness), safe to run on
 * a document it has already changed (it writes only what differs), so two server nodes
 * loading the same room at once end up with the same content.
 */
export const migrations: readonly ((doc: Y.Doc) => void)[] = [storePlanNumbers]

/** The document's schema version; a workspace without structure yet has none. */
export function workspaceVersionOf(doc: Y.Doc): number | null {
  const stored = meta(doc).get('schemaVersion')
  if (typeof stored === 'number' && Number.isSafeInteger(stored) && stored >= 0) return stored
  // The version is written with the first meeting: content without it is from version 1.
  return meetingsOf(doc).size > 0 || pdsaPlansOf(doc).size > 0 ? 1 : null
}

/** A document written by a newer server: this one must neither serve nor change it. */
export class WorkspaceTooNew extends Error {
  constructor(
    readonly version: number,
    readonly known: number,
  ) {
    super(`the workspace has schema version ${version}; this server knows up to ${known}`)
    this.name = 'WorkspaceTooNew'
  }
}

export interface Migrated {
  from: number
  to: number
}

/**
 * Brings the document to SCHEMA_VERSION, in the caller's transaction, and says from which
 * version (null: nothing to do). Throws WorkspaceTooNew for a newer document, before
 * changing anything.
 */
export function migrateWorkspace(
  doc: Y.Doc,
  steps: readonly ((doc: Y.Doc) => void)[] = migrations,
  target = SCHEMA_VERSION,
): Migrated | null {
  const from = workspaceVersionOf(doc)
  if (from === null || from === target) return null
  if (from > target) throw new WorkspaceTooNew(from, target)
  doc.transact(() => {
    for (let version = from; version < target; version += 1) {
      const step = steps[version - 1]
      if (!step) throw new Error(`no migration from schema version ${version}`)
      step(doc)
    }
    meta(doc).set('schemaVersion', target)
  })
  return { from, to: target }
}
