/** Connection settings shared by every connection to an embedded database. */

/** After a kill -9 the next process must wait for WAL recovery, not fail with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000

/**
 * WAL pages before a commit also checkpoints. A checkpoint pauses the relay's event loop
 * (copy + fsync); measured here, 1000 pages (the default) gave a ~3.5 ms pause every ~300
 * commits, 4000 a ~8 ms pause every ~1200: fewer edits wait, none waits long. The WAL
 * grows to ~16 MB between checkpoints.
 */
const WAL_AUTOCHECKPOINT_PAGES = 4000

/**
 * Per connection. synchronous = NORMAL in WAL mode: a commit is durable against process
 * crashes (kill -9); only an OS crash or power loss can lose the last transactions.
 */
export const connectionPragmas = [
  'PRAGMA synchronous = NORMAL',
  `PRAGMA wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`,
  'PRAGMA foreign_keys = ON',
] as const
