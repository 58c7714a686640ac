import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Client } from '@libsql/client'
import type { LibSQLDatabase } from 'drizzle-orm/libsql'
// The sqlite3 entry, not 'drizzle-orm/libsql', which imports all of @libsql/client (see
// libsql-client.ts); it wraps whichever client it is given.
import { drizzle } from 'drizzle-orm/libsql/sqlite3'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { openLibsqlClient } from './libsql-client.ts'
import { openLocalConnection } from './local-connection.ts'
import { makeLocalSessionLookup, type LocalSessionLookup } from './local-session-lookup.ts'
import { makeLocalUpdateLog, type LocalUpdateLog } from './local-update-log.ts'
import { startBackgroundCheckpoints, type BackgroundCheckpoints } from './checkpointer.ts'
import { BUSY_TIMEOUT_MS, connectionPragmas, type CheckpointMode } from './pragmas.ts'
import * as schema from './schema.ts'

export type Database = LibSQLDatabase<typeof schema>

export interface DatabaseHandle {
  readonly db: Database
  readonly client: Client
  /** The update log's fast path on an embedded database; null for a remote one. */
  readonly updateLog: LocalUpdateLog | null
  /** The session check's fast path on an embedded database; null for a remote one. */
  readonly sessionLookup: LocalSessionLookup | null
  /**
   * Starts the background checkpointer's last checkpoint and its worker's exit, so a
   * shutdown can overlap them with its own work; `close` waits for them, then checkpoints
   * what was written since.
   */
  stopCheckpoints(): Promise<void>
  /** Closes the connections (after the background checkpointer's last checkpoint). */
  close(): Promise<void>
}

export interface DatabaseOptions {
  url: string
  authToken?: string | undefined
  /** Default `inline`; the server uses `background` (see CheckpointMode). */
  checkpoints?: CheckpointMode
  /** Milliseconds between background checkpoints. */
  checkpointIntervalMs?: number
  onCheckpointError?: (message: string) => void
}

const DEFAULT_CHECKPOINT_INTERVAL_MS = 1000

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations')

const localPathOf = (url: string): string | null => {
  if (!url.startsWith('file:')) return null
  const path = url.slice('file:'.length)
  return path && path !== ':memory:' ? resolve(path) : null
}

/**
 * Opens the libSQL database, turns on WAL for file databases (readers never block the
 * update log's writer) and applies the committed migrations.
 */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const localPath = localPathOf(options.url)
  if (localPath) mkdirSync(dirname(localPath), { recursive: true })
  const client = await openLibsqlClient({
    url: options.url,
    authToken: options.authToken,
    // On every connection from its first statement (see BUSY_TIMEOUT_MS).
    timeout: BUSY_TIMEOUT_MS,
    // One connection: the PRAGMAs below are per connection, and libSQL runs statements
    // synchronously anyway, so a pool would only add connections without them.
    concurrency: 1,
  })
  const checkpoints = localPath ? (options.checkpoints ?? 'inline') : 'inline'
  if (options.url.startsWith('file:')) {
    await client.execute('PRAGMA journal_mode = WAL')
    for (const pragma of connectionPragmas(checkpoints)) await client.execute(pragma)
  }
  const db = drizzle(client, { schema })
  await migrate(db, { migrationsFolder })
  // The migrations read and hash their files synchronously: the rest in a turn of its own.
  await new Promise((resolve) => setImmediate(resolve))
  // Opened after the migrations, which create the tables its statements name.
  const local = localPath ? openLocalConnection(localPath, checkpoints) : null
  const updateLog = local && makeLocalUpdateLog(local)
  const sessionLookup = local && makeLocalSessionLookup(local)
  const checkpointer: BackgroundCheckpoints | null =
    localPath && checkpoints === 'background'
      ? startBackgroundCheckpoints({
          path: localPath,
          intervalMs: options.checkpointIntervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS,
          onError: options.onCheckpointError ?? (() => {}),
        })
      : null
  const stopCheckpoints = () => checkpointer?.close() ?? Promise.resolve()
  const close = async () => {
    await stopCheckpoints()
    // A last checkpoint after every write (a shutdown's last ones may follow the worker's),
    // so the database file alone holds everything, as a copy of it for a backup expects.
    try {
      local?.exec('PRAGMA wal_checkpoint(PASSIVE)')
    } catch {
      // Not taken: the WAL still holds those writes, and the next open reads them.
    }
    local?.close()
    client.close()
  }
  return { db, client, updateLog, sessionLookup, stopCheckpoints, close }
}
