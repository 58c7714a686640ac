import type { Client } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql/sqlite3'
import { openLibsqlClient } from '../../db/libsql-client.ts'
import { BUSY_TIMEOUT_MS } from '../../db/pragmas.ts'
import * as schema from '../../db/schema.ts'
import { createGroups } from '../domain/groups.ts'
import { createMeetings } from '../domain/meetings.ts'
import { createLibsqlDocStore } from '../storage/libsql-doc-store.ts'
import { createExportSources, type ExportSources } from './export-sources.ts'

/** Where the export worker reads: the server's own database (DATABASE_URL). */
export interface ExportDatabase {
  url: string
  authToken?: string | undefined
}

/**
 * The export worker's own read-only connection to the server's database. An export reads
 * a round's rows and every group's stored updates (~2 MB for 50 groups); read on the
 * relay's thread that held every room's edits (npm run bench:export), so the worker reads
 * them itself and the relay's thread only passes ids. In WAL mode this reader never
 * blocks the update log's writer, and it sees every committed update: what any member
 * has seen (the relay stores before it relays).
 */
export function openExportReader(database: ExportDatabase) {
  let opened: Promise<{ client: Client; sources: ExportSources }> | null = null

  async function open() {
    const client = await openLibsqlClient({
      url: database.url,
      authToken: database.authToken,
      timeout: BUSY_TIMEOUT_MS,
      concurrency: 1,
    })
    if (database.url.startsWith('file:')) {
      // Reads only: a stray write here would race the server's writer. The server's own
      // checkpointer checkpoints the WAL; this connection never does.
      await client.execute('PRAGMA query_only = ON')
      await client.execute('PRAGMA wal_autocheckpoint = 0')
    }
    const db = drizzle(client, { schema })
    const meetings = createMeetings(db)
    const sources = createExportSources({
      db,
      store: createLibsqlDocStore(client),
      groups: createGroups(db, meetings),
      meetings,
    })
    return { client, sources }
  }

  /** The export sources over this connection, opened at the first export. */
  function sources(): Promise<ExportSources> {
    opened ??= open()
    return opened.then((reader) => reader.sources)
  }

  return { sources }
}
