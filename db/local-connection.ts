import Database from 'libsql'
import { BUSY_TIMEOUT_MS, connectionPragmas, type CheckpointMode } from './pragmas.ts'

export type LocalConnection = Database.Database

/**
 * The embedded database's connection for the hot paths: the update log writes through it
 * and the session check reads through it. One connection, not one each: SQLite empties a
 * connection's page cache when another connection has written since its last read, so a
 * session check on a connection of its own read every page of its three-table lookup
 * from the file again after each commit of the log (a prepared lookup after a commit:
 * 37–43 µs on its own connection, 22–24 on the writer's, micro-bench). Every call is
 * synchronous, so a lookup never lands inside the log's transaction.
 */
export function openLocalConnection(path: string, checkpoints: CheckpointMode): LocalConnection {
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS })
  for (const pragma of connectionPragmas(checkpoints)) db.exec(pragma)
  return db
}
