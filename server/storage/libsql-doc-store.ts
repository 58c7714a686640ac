import type { Client, InStatement } from '@libsql/client'
import type { LocalUpdateLog } from '../../db/local-update-log.ts'
import { chunksOf, idsEndingAt, insertRowsArgs, insertRowsSql } from '../../db/update-log-insert.ts'
import type { AppendedUpdate, DocStore, SnapshotInfo, StoredDoc } from './doc-store.ts'

const toBytes = (value: unknown): Uint8Array => {
  if (value instanceof Uint8Array) return value
  if (value instanceof ArrayBuffer) return new Uint8Array(value)
  throw new Error('Expected a blob column')
}

/** Rows per INSERT: well under SQLite's limit of bound parameters. */
const APPEND_CHUNK = 500

const insertStatement = (chunk: readonly AppendedUpdate[]): InStatement => ({
  sql: insertRowsSql(chunk.length),
  args: insertRowsArgs(chunk),
})

/**
 * The libSQL implementation. The hot path (append) writes a whole group commit in one WAL
 * commit: through `localLog` on an embedded database, else as one multi-row INSERT.
 */
export function createLibsqlDocStore(client: Client, localLog?: LocalUpdateLog): DocStore {
  async function load(room: string): Promise<StoredDoc> {
    const snapshots = await client.execute({
      // The one that folds the most: with several nodes, an older compaction can finish last.
      sql: 'SELECT data, upto_update_id FROM doc_snapshots WHERE room = ? ORDER BY upto_update_id DESC, id DESC LIMIT 1',
      args: [room],
    })
    const snapshotRow = snapshots.rows[0]
    const upto = snapshotRow ? Number(snapshotRow.upto_update_id) : 0
    const log = await client.execute({
      sql: 'SELECT id, data FROM doc_updates WHERE room = ? AND id > ? ORDER BY id',
      args: [room, upto],
    })
    const updates = log.rows.map((row) => toBytes(row.data))
    const last = log.rows.at(-1)
    return {
      snapshot: snapshotRow ? toBytes(snapshotRow.data) : null,
      updates,
      lastUpdateId: last ? Number(last.id) : upto,
    }
  }

  async function append(entries: readonly AppendedUpdate[]): Promise<number[]> {
    if (entries.length === 0) return []
    if (localLog) return localLog.append(entries)
    const chunks = chunksOf(entries, APPEND_CHUNK)
    const statements = chunks.map(insertStatement)
    // One statement commits on its own, without BEGIN/COMMIT round trips: the usual case.
    const results =
      statements.length === 1
        ? [await client.execute(statements[0] as InStatement)]
        : await client.batch(statements, 'write')
    return chunks.flatMap((chunk, i) =>
      idsEndingAt(Number(results[i]?.lastInsertRowid), chunk.length),
    )
  }

  async function compact(room: string, snapshot: Uint8Array, uptoUpdateId: number): Promise<void> {
    await client.batch(
      [
        {
          // Who wrote what this snapshot folds beyond the previous one, kept before the log
          // goes (the version history names them); in the snapshot's transaction.
          sql: `INSERT OR IGNORE INTO doc_snapshot_authors (room, upto_update_id, participant_id, updates)
                SELECT room, ?, participant_id, count(*) FROM doc_updates
                WHERE room = ? AND participant_id IS NOT NULL AND id <= ?
                  AND id > coalesce((SELECT max(upto_update_id) FROM doc_snapshots WHERE room = ?), 0)
                GROUP BY participant_id`,
          args: [uptoUpdateId, room, uptoUpdateId, room],
        },
        {
          sql: 'INSERT INTO doc_snapshots (room, data, upto_update_id) VALUES (?, ?, ?)',
          args: [room, snapshot, uptoUpdateId],
        },
      ],
      'write',
    )
  }

  async function prune(room: string, uptoUpdateId: number, limit: number): Promise<number> {
    const result = await client.execute({
      // The table's newest row stays even when folded: new ids are max(id) + 1, and an id
      // reused after a snapshot's upto would hide that update from the next load.
      sql: `DELETE FROM doc_updates WHERE id IN (
              SELECT id FROM doc_updates
              WHERE room = ? AND id <= ? AND id < (SELECT max(id) FROM doc_updates)
              ORDER BY id LIMIT ?)`,
      args: [room, uptoUpdateId, limit],
    })
    return result.rowsAffected
  }

  async function listSnapshots(room: string): Promise<SnapshotInfo[]> {
    const result = await client.execute({
      sql: 'SELECT id, upto_update_id, created_at, length(data) AS bytes FROM doc_snapshots WHERE room = ? ORDER BY id',
      args: [room],
    })
    return result.rows.map((row) => ({
      id: Number(row.id),
      uptoUpdateId: Number(row.upto_update_id),
      createdAt: new Date(Number(row.created_at)),
      bytes: Number(row.bytes),
    }))
  }

  async function readSnapshot(room: string, id: number): Promise<Uint8Array | null> {
    const result = await client.execute({
      sql: 'SELECT data FROM doc_snapshots WHERE room = ? AND id = ?',
      args: [room, id],
    })
    const row = result.rows[0]
    return row ? toBytes(row.data) : null
  }

  async function dropSnapshots(room: string, ids: readonly number[]): Promise<number> {
    if (ids.length === 0) return 0
    const result = await client.execute({
      // Never the one a load reads, whatever the ids say.
      sql: `DELETE FROM doc_snapshots WHERE room = ? AND id IN (${ids.map(() => '?').join(', ')})
              AND id <> (SELECT id FROM doc_snapshots WHERE room = ?
                         ORDER BY upto_update_id DESC, id DESC LIMIT 1)`,
      args: [room, ...ids, room],
    })
    return result.rowsAffected
  }

  return { load, append, compact, prune, listSnapshots, readSnapshot, dropSnapshots }
}
