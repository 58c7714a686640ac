import type { DatabaseHandle } from '../db/client.ts'
import { createInvitations } from './auth/invitations.ts'
import { createSessions } from './auth/sessions.ts'
import type { ServerConfig } from './config.ts'
import type { Logger } from './log.ts'
import { createRooms } from './relay/rooms.ts'
import { createGroupCommit } from './storage/group-commit.ts'
import { createLibsqlDocStore } from './storage/libsql-doc-store.ts'

/** Everything a running server holds, wired once; routes receive only what they need. */
export function createServices(database: DatabaseHandle, config: ServerConfig, logger: Logger) {
  const store = createLibsqlDocStore(database.client)
  const commit = createGroupCommit(store)
  const rooms = createRooms({
    store,
    commit,
    limits: config.limits,
    logger,
    graceMs: config.roomGraceMs,
    compactAfterUpdates: config.compactAfterUpdates,
  })
  return {
    db: database.db,
    client: database.client,
    invitations: createInvitations(database.db),
    sessions: createSessions(database.db),
    store,
    commit,
    rooms,
  }
}

export type Services = ReturnType<typeof createServices>
