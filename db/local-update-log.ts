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
 * The update log's hot path on an embedded (`file:`) database: the INSERT prepared once,
 * on the hot paths' connection (db/local-connection.ts), which the session check shares.
 * Every relayed edit passes here, and preparing the statement anew for each commit (as the
 * general client does) was a third of the storage's CPU time.
 * A batch is one transaction, so a group commit still costs one WAL commit.
 */
export function makeLocalUpdateLog(db: LocalConnection): LocalUpdateLog {
  const insert = db.prepare('INSERT INTO doc_updates (room, data, participant_id) VALUES (?, ?, ?)')
  const insertOne = ({ room, update, author }: UpdateLogEntry): number =>
    Number(insert.run(room, update, author ?? null).lastInsertRowid)
  const insertAll = db.transaction((entries: readonly UpdateLogEntry[]) => entries.map(insertOne))

  function append(entries: readonly UpdateLogEntry[]): number[] {
    // One entry (the usual case when not under load) needs no BEGIN/COMMIT around it.
    const [only, ...more] = entries
    if (!only) return []
    return more.length === 0 ? [insertOne(only)] : insertAll(entries)
  }

  return { append }
}
