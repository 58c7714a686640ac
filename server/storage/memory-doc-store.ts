import type { AppendedUpdate, DocStore, SnapshotInfo, StoredDoc } from './doc-store.ts'

interface RoomLog {
  updates: { id: number; update: Uint8Array; author: string | null }[]
  snapshots: (SnapshotInfo & { data: Uint8Array })[]
}

type StoredSnapshot = RoomLog['snapshots'][number]

/** The snapshot a load reads: the one that folds the most (an older compaction may finish last). */
const foldsMost = (snapshots: readonly StoredSnapshot[]): StoredSnapshot | undefined =>
  snapshots.reduce<StoredSnapshot | undefined>(
    (best, next) => (best && best.uptoUpdateId > next.uptoUpdateId ? best : next),
    undefined,
  )

/**
 * A DocStore in this process's memory: nothing survives the process. For measuring what
 * the relay costs without its database (the bench's "log in memory" reference) and for
 * the contract suite, which every store passes. Never the server's store.
 */
export function createMemoryDocStore(): DocStore {
  const rooms = new Map<string, RoomLog>()
  let lastId = 0
  let lastSnapshotId = 0
  const logOf = (room: string): RoomLog => {
    let log = rooms.get(room)
    if (!log) rooms.set(room, (log = { updates: [], snapshots: [] }))
    return log
  }

  async function load(room: string): Promise<StoredDoc> {
    const log = rooms.get(room)
    const snapshot = log && foldsMost(log.snapshots)
    const after = snapshot?.uptoUpdateId ?? 0
    const updates = (log?.updates ?? []).filter((entry) => entry.id > after)
    return {
      snapshot: snapshot ? snapshot.data.slice() : null,
      updates: updates.map((entry) => entry.update.slice()),
      lastUpdateId: updates.at(-1)?.id ?? snapshot?.uptoUpdateId ?? 0,
    }
  }

  async function append(entries: readonly AppendedUpdate[]): Promise<number[]> {
    return entries.map(({ room, update, author }) => {
      const id = ++lastId
      // A copy: the caller's bytes may be a view into a buffer that is reused.
      logOf(room).updates.push({ id, update: update.slice(), author: author ?? null })
      return id
    })
  }

  async function compact(room: string, snapshot: Uint8Array, uptoUpdateId: number) {
    const log = logOf(room)
    log.snapshots.push({
      id: ++lastSnapshotId,
      uptoUpdateId,
      createdAt: new Date(),
      bytes: snapshot.byteLength,
      data: snapshot.slice(),
    })
  }

  async function prune(room: string, uptoUpdateId: number, limit: number): Promise<number> {
    const log = logOf(room)
    let dropped = 0
    log.updates = log.updates.filter((entry) => {
      if (entry.id > uptoUpdateId || dropped >= limit) return true
      dropped += 1
      return false
    })
    return dropped
  }

  async function listSnapshots(room: string): Promise<SnapshotInfo[]> {
    return (rooms.get(room)?.snapshots ?? []).map(({ id, uptoUpdateId, createdAt, bytes }) => ({
      id,
      uptoUpdateId,
      createdAt,
      bytes,
    }))
  }

  async function readSnapshot(room: string, id: number): Promise<Uint8Array | null> {
    return (
      rooms
        .get(room)
        ?.snapshots.find((s) => s.id === id)
        ?.data.slice() ?? null
    )
  }

  async function dropSnapshots(room: string, ids: readonly number[]): Promise<number> {
    const log = rooms.get(room)
    if (!log) return 0
    const kept = foldsMost(log.snapshots)
    const before = log.snapshots.length
    log.snapshots = log.snapshots.filter((s) => s === kept || !ids.includes(s.id))
    return before - log.snapshots.length
  }

  return { load, append, compact, prune, listSnapshots, readSnapshot, dropSnapshots }
}
