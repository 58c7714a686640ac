/**
 * Where Yjs state lives: an append-only update log per room plus compacted snapshots.
 * Every implementation passes tests/integration/storage/doc-store.contract.ts.
 */
export interface StoredDoc {
  /** The newest snapshot, or null if the room was never compacted. */
  snapshot: Uint8Array | null
  /** Log entries after the snapshot, oldest first. */
  updates: Uint8Array[]
  /** Id of the newest log entry (or the snapshot's upto id); 0 for a new room. */
  lastUpdateId: number
}

export interface AppendedUpdate {
  room: string
  update: Uint8Array
  /**
   * The participant whose connection sent the update; null (or absent) for a change the
   * server made. Stored for accountability, never part of what a load returns.
   */
  author?: string | null
}

export interface SnapshotInfo {
  id: number
  uptoUpdateId: number
  createdAt: Date
  bytes: number
}

export interface DocStore {
  load(room: string): Promise<StoredDoc>
  /** Appends all entries in one transaction; returns their log ids in the same order. */
  append(entries: readonly AppendedUpdate[]): Promise<number[]>
  /**
   * Stores a snapshot covering every log entry of the room up to `uptoUpdateId`; a load
   * reads the log only after it. Earlier snapshots are kept (version history) until
   * `dropSnapshots` thins them.
   */
  compact(room: string, snapshot: Uint8Array, uptoUpdateId: number): Promise<void>
  /**
   * Drops at most `limit` of the room's log entries folded into a snapshot (id ≤
   * `uptoUpdateId`), oldest first, and says how many. Kept apart from `compact` so the
   * folded log is dropped in short steps: a snapshot and ~500 deletions in one step held
   * the relay up to 36 ms.
   */
  prune(room: string, uptoUpdateId: number, limit: number): Promise<number>
  /** The room's snapshots, oldest first (by id). */
  listSnapshots(room: string): Promise<SnapshotInfo[]>
  /**
   * Drops the room's snapshots with these ids (history thinning, server/storage/history.ts)
   * and says how many went. The snapshot a load reads (the one that folds the most) is
   * never dropped, whatever the ids say.
   */
  dropSnapshots(room: string, ids: readonly number[]): Promise<number>
  readSnapshot(room: string, id: number): Promise<Uint8Array | null>
}
