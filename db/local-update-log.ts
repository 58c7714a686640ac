import type Database from 'libsql'
import type { LocalConnection } from './local-connection.ts'
import {
  chunksOf,
  idsEndingAt,
  insertRowsArgs,
  insertRowsSql,
  type UpdateLogEntry,
} from './update-log-insert.ts'

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
      insert = db.prepare(insertRowsSql(rows))
      inserts.set(rows, insert)
    }
    return insert
  }

  function insertRows(entries: readonly UpdateLogEntry[]): number[] {
    const last = Number(insertOf(entries.length).run(...insertRowsArgs(entries)).lastInsertRowid)
    return idsEndingAt(last, entries.length)
  }

  const insertInChunks = db.transaction((entries: readonly UpdateLogEntry[]) =>
    chunksOf(entries, ROWS_PER_STATEMENT).flatMap(insertRows),
  )

  function append(entries: readonly UpdateLogEntry[]): number[] {
    if (entries.length === 0) return []
    // One statement (the usual group commit) commits on its own, without BEGIN/COMMIT.
    return entries.length <= ROWS_PER_STATEMENT ? insertRows(entries) : insertInChunks(entries)
  }

  return { append }
}
