import type Database from 'libsql'
import type { LocalConnection } from './local-connection.ts'

/** One entry of the update log: a Yjs update of a room. */
interface UpdateLogEntry {
  readonly room: string
  readonly update: Uint8Array
  /** Who sent it (a participant id); null or absent for a change made by the server. */
  readonly author?: string | null
}

/** Appends to the update log of an embedded database, synchronously. */
export interface LocalUpdateLog {
  append(entries: readonly UpdateLogEntry[]): number[]
}

/**
 * Rows one INSERT writes at most; a larger group commit is several in one transaction.
 * Each row count has its statement prepared once, so this also bounds those statements.
 */
const ROWS_PER_STATEMENT = 32

/**
 * The update log's hot path on an embedded (`file:`) database: each group commit is one
 * multi-row INSERT, prepared once per row count, on the hot paths' connection
 * (db/local-connection.ts), which the session check shares. Every relayed edit passes
 * here: preparing the statement anew for each commit (as the general client does) was a
 * third of the storage's CPU time, and one INSERT per row in a transaction cost ~145 µs a
 * commit of ~10 rows where one statement for all of them costs ~115 (micro-bench).
 * A batch is one transaction, so a group commit still costs one WAL commit.
 */
export function makeLocalUpdateLog(db: LocalConnection): LocalUpdateLog {
  const inserts = new Map<number, Database.Statement>()
  const insertOf = (rows: number) => {
    let insert = inserts.get(rows)
    if (!insert) {
      const values = Array.from({ length: rows }, () => '(?, ?, ?)').join(', ')
      insert = db.prepare(`INSERT INTO doc_updates (room, data, participant_id) VALUES ${values}`)
      inserts.set(rows, insert)
    }
    return insert
  }

  /** The rows' ids, in order: one INSERT holds the write lock, so its rowids are consecutive. */
  function insertRows(entries: readonly UpdateLogEntry[]): number[] {
    const args = entries.flatMap(({ room, update, author }) => [room, update, author ?? null])
    const last = Number(insertOf(entries.length).run(...args).lastInsertRowid)
    return entries.map((_, i) => last - entries.length + 1 + i)
  }

  const insertInChunks = db.transaction((entries: readonly UpdateLogEntry[]) => {
    const ids: number[] = []
    for (let i = 0; i < entries.length; i += ROWS_PER_STATEMENT) {
      ids.push(...insertRows(entries.slice(i, i + ROWS_PER_STATEMENT)))
    }
    return ids
  })

  function append(entries: readonly UpdateLogEntry[]): number[] {
    if (entries.length === 0) return []
    // One statement (the usual group commit) commits on its own, without BEGIN/COMMIT.
    return entries.length <= ROWS_PER_STATEMENT ? insertRows(entries) : insertInChunks(entries)
  }

  return { append }
}
