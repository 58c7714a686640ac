/** Connection settings shared by every connection to an embedded database. */

/** After a kill -9 the next process must wait for WAL recovery, not fail with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000

/**
 * How WAL checkpoints happen on a process's connections. `background`: never on commit;
 * a worker thread checkpoints (the server, whose event loop must not wait for fsync).
 * `inline`: SQLite's own automatic checkpoint on commit (short-lived tools, tests).
 */
export type CheckpointMode = 'inline' | 'background'

/** SQLite's default: a commit that takes the WAL past 1000 pages also checkpoints. */
const INLINE_AUTOCHECKPOINT_PAGES = 1000

/**
 * Per connection. synchronous = NORMAL in WAL mode: a commit is durable against process
 * crashes (kill -9); only an OS crash or power loss can lose the last transactions.
 */
export const connectionPragmas = (checkpoints: CheckpointMode): readonly string[] => [
  'PRAGMA synchronous = NORMAL',
  `PRAGMA wal_autocheckpoint = ${checkpoints === 'background' ? 0 : INLINE_AUTOCHECKPOINT_PAGES}`,
  'PRAGMA foreign_keys = ON',
]
