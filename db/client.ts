import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createClient, type Client } from '@libsql/client'
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import * as schema from './schema.ts'

export type Database = LibSQLDatabase<typeof schema>

export interface DatabaseHandle {
  readonly db: Database
  readonly client: Client
  close(): void
}

export interface DatabaseOptions {
  url: string
  authToken?: string | undefined
}

const BUSY_TIMEOUT_MS = 5000

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations')

/** The default embedded database: a file under data/ in the working directory. */
export const defaultDatabaseUrl = (): string => `file:${resolve('data', 'modellrummet.db')}`

const ensureFileDirectory = (url: string): void => {
  if (!url.startsWith('file:')) return
  const path = url.slice('file:'.length)
  if (path && path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true })
}

/**
 * Opens the libSQL database, turns on WAL for file databases (readers never block the
 * update log's writer) and applies the committed migrations.
 */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  ensureFileDirectory(options.url)
  const client = createClient({
    url: options.url,
    authToken: options.authToken,
    // Busy timeout on every connection, from its first statement: after a kill -9 the
    // next process must wait for WAL recovery instead of failing with SQLITE_BUSY.
    timeout: BUSY_TIMEOUT_MS,
    // One connection: the PRAGMAs below are per connection, and libSQL runs statements
    // synchronously anyway, so a pool would only add connections without them.
    concurrency: 1,
  })
  if (options.url.startsWith('file:')) {
    await client.execute('PRAGMA journal_mode = WAL')
    // NORMAL in WAL mode: a commit is durable against process crashes (kill -9); only an
    // OS crash or power loss can lose the last transactions.
    await client.execute('PRAGMA synchronous = NORMAL')
    await client.execute('PRAGMA foreign_keys = ON')
  }
  const db = drizzle(client, { schema })
  await migrate(db, { migrationsFolder })
  return { db, client, close: () => client.close() }
}
