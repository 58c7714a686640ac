import type * as Y from 'yjs'
import { SCHEMA_VERSION } from '../../shared/workspace/document.ts'
import {
  migrateWorkspace,
  WorkspaceTooNew,
  workspaceVersionOf,
} from '../../shared/workspace/migrations/index.ts'
import type { Logger } from '../log.ts'
import type { Room } from './room.ts'

/**
 * A document a newer server wrote is refused before anything of it is served or changed:
 * this server would read it wrong and could write it wrong. Loud: logged as an error, and
 * the load fails (the upgrade is answered 500) until a server that knows it runs.
 */
export function refuseNewerWorkspace(name: string, doc: Y.Doc, logger: Logger): void {
  const version = workspaceVersionOf(doc)
  if (version === null || version <= SCHEMA_VERSION) return
  logger.error('refusing a workspace written by a newer server; it is left as stored', {
    room: name,
    schemaVersion: version,
    known: SCHEMA_VERSION,
  })
  throw new WorkspaceTooNew(version, SCHEMA_VERSION)
}

/**
 * Brings an older document to the current schema as one server change, stored before it
 * is relayed like any other (so every member sees it, and a load never runs it twice).
 */
export async function migrateOnLoad(room: Room, logger: Logger): Promise<void> {
  const version = workspaceVersionOf(room.doc)
  if (version === null || version >= SCHEMA_VERSION) return
  let migrated: ReturnType<typeof migrateWorkspace> = null
  await room.change((doc) => {
    migrated = migrateWorkspace(doc)
  })
  logger.info('workspace migrated', { room: room.name, ...(migrated ?? {}) })
}
