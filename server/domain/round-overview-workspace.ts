import * as Y from 'yjs'
import { migrateWorkspace, WorkspaceTooNew } from '../../shared/workspace/migrations/index.ts'
import type { Logger } from '../log.ts'
import type { Rooms } from '../relay/rooms.ts'
import type { DocStore } from '../storage/doc-store.ts'

export interface WorkspaceReaderDeps {
  store: Pick<DocStore, 'load'>
  rooms: Pick<Rooms, 'loadedDoc'>
  logger: Logger
}

/**
 * Reads a group's workspace for figures without starting its room: the live document when
 * the room is loaded on this node (its newest state, read and never changed), otherwise a
 * copy made from the stored snapshot and log, brought to the current schema in memory only
 * (nothing is stored: the room migrates itself when it next loads). Loading a room here
 * would subscribe it to the bus and keep it in memory for its grace period, for 50 groups
 * at once.
 */
export function createWorkspaceReader({ store, rooms, logger }: WorkspaceReaderDeps) {
  async function storedCopy(room: string): Promise<Y.Doc> {
    const stored = await store.load(room)
    const doc = new Y.Doc({ gc: true })
    doc.transact(() => {
      for (const update of [stored.snapshot, ...stored.updates]) {
        if (!update) continue
        try {
          Y.applyUpdate(doc, update)
        } catch (error) {
          // The room skips it on load too (rooms.ts); the figures are read without it.
          logger.warn('skipped an unreadable stored update', { room, error })
        }
      }
    })
    migrateWorkspace(doc)
    return doc
  }

  /**
   * Calls `read` with the group's workspace and returns what it returns; null when the
   * workspace was written by a newer server (this one would read it wrong).
   */
  async function withWorkspace<T>(room: string, read: (doc: Y.Doc) => T): Promise<T | null> {
    const live = rooms.loadedDoc(room)
    if (live) return read(live)
    let doc: Y.Doc
    try {
      doc = await storedCopy(room)
    } catch (error) {
      if (!(error instanceof WorkspaceTooNew)) throw error
      logger.warn('left a workspace of a newer schema out of the round overview', { room })
      return null
    }
    try {
      return read(doc)
    } finally {
      doc.destroy()
    }
  }

  return { withWorkspace }
}

export type WorkspaceReader = ReturnType<typeof createWorkspaceReader>
