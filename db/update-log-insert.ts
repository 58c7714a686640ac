/**
 * The update log's multi-row INSERT, shared by its two append paths: the embedded
 * database's prepared statements (local-update-log.ts) and the general client's
 * (server/storage/libsql-doc-store.ts).
 */

/** One entry of the update log: a Yjs update of a room. */
export interface UpdateLogEntry {
  readonly room: string
  readonly update: Uint8Array
  /** Who sent it (a participant id); null or absent for a change made by the server. */
  readonly author?: string | null
}

/** One INSERT of `rows` entries. */
export const insertRowsSql = (rows: number): string =>
  `INSERT INTO doc_updates (room, data, participant_id) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?)').join(', ')}`

/** The entries as that statement's arguments, in order. */
export const insertRowsArgs = (
  entries: readonly UpdateLogEntry[],
): (string | Uint8Array | null)[] =>
  entries.flatMap(({ room, update, author }) => [room, update, author ?? null])

/**
 * The ids of the rows one INSERT wrote, from its last rowid: the statement holds the write
 * lock throughout, so its rowids (max + 1 each) are consecutive.
 */
export const idsEndingAt = (lastId: number, rows: number): number[] =>
  Array.from({ length: rows }, (_, i) => lastId - rows + 1 + i)

/** The entries in consecutive slices of at most `size`. */
export function chunksOf<T>(entries: readonly T[], size: number): T[][] {
  const chunks: T[][] = []
  for (let i = 0; i < entries.length; i += size) chunks.push(entries.slice(i, i + size))
  return chunks
}
