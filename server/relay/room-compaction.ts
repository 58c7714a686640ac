import * as Y from 'yjs'
import type { Logger } from '../log.ts'
import type { DocStore } from '../storage/doc-store.ts'
import { snapshotsToDrop } from '../storage/history.ts'
import { makeFoldedRows } from './folded-rows.ts'
import { makeOneAtATime } from './one-at-a-time.ts'
import type { Room } from './room.ts'

export interface CompactionOptions {
  store: DocStore
  logger: Logger
  /**
   * Log entries since the last snapshot before a background compaction is considered (each
   * room waits for up to half as many more, see FOLD_SPREAD).
   */
  compactAfterUpdates: number
  /** Bytes of snapshots kept per room (the newest always stays). */
  maxHistoryBytes: number
  /**
   * Milliseconds of editing after which a version (snapshot) is kept, however short the
   * log (HISTORY_VERSION_INTERVAL_MS); 0 or absent: only by the log's length.
   */
  versionIntervalMs?: number
  /** Catches the room up with the shared log before folding it (scale-out), else nothing. */
  catchUp(room: Room): Promise<void>
  /** Whether the server is under load (commit-pacing.ts): folded rows then wait. */
  busy?(): boolean
  now?: () => Date
}

/**
 * A new snapshot is only worth writing when the log since the last one weighs at least
 * this share of it: 500 one-key edits to a 200 MB room wrote a 201 MB snapshot each time.
 */
const LOG_SHARE_OF_SNAPSHOT = 0.1

/**
 * What one log entry weighs beyond its bytes: replaying many small entries on load costs
 * more than their bytes say, so a long log of tiny edits is still folded in time (a 200 MB
 * room after ~20,000 one-key edits, a 1 MB room after 500 as before).
 */
const ENTRY_WEIGHT_BYTES = 1024

/**
 * Rooms opened together (a results conference at 09:00, every room after a restart, the
 * capacity bench's ladder) reach a fixed fold threshold together, and their compactions
 * then fall in the same few seconds: at 3,500 clients the server's CPU went from 50 % to
 * 70-76 % of a core in that step and its loop stalled 70-176 ms. Each room folds instead at
 * its own point between the threshold and half as much again, from its name.
 */
const FOLD_SPREAD = 0.5

/**
 * A number in [0, 1) from a room's name, the same for the room on every load: FNV-1a, then
 * MurmurHash3's finaliser, without which names alike but for a number fell close together.
 */
export function spreadOf(name: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193)
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b)
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35)
  return ((hash ^ (hash >>> 16)) >>> 0) / 2 ** 32
}

/**
 * Folds rooms' logs into snapshots in the background and thins their history. Each step
 * takes its turn (one-at-a-time.ts): encoding, storing the snapshot, dropping the folded
 * log a few rows at a time, dropping thinned snapshots one at a time; so compactions never
 * hold the relay long.
 */
export function createCompaction(options: CompactionOptions) {
  const { store, logger } = options
  const now = options.now ?? (() => new Date())
  const compacting = new Set<Room>()
  const inTurn = makeOneAtATime()
  const foldedRows = makeFoldedRows({ store, logger, inTurn, busy: options.busy })
  const versionIntervalMs = options.versionIntervalMs ?? 0
  /**
   * When each room's editing since its last version began. A meeting's room can stay open
   * for hours with a log too light to fold: without a version every few minutes, the
   * history would hold nothing between the room's load and its unload to restore from.
   */
  const editingSince = new WeakMap<Room, number>()

  /**
   * Whether the room's log reached its own fold point (see FOLD_SPREAD). Asked after every
   * commit: the name is hashed only once the log passes the common threshold.
   */
  function reachedFoldPoint(room: Room): boolean {
    const entries = room.updatesSinceSnapshot
    const threshold = options.compactAfterUpdates
    if (entries < threshold) return false
    return entries >= Math.round(threshold * (1 + FOLD_SPREAD * spreadOf(room.name)))
  }

  /** The room has been edited for the interval since its last version. */
  function versionDue(room: Room): boolean {
    if (versionIntervalMs <= 0) return false
    const at = now().getTime()
    const since = editingSince.get(room)
    if (since === undefined) {
      editingSince.set(room, at)
      return false
    }
    return at - since >= versionIntervalMs
  }

  /** The log since the snapshot weighs enough to replace the snapshot with a new one. */
  function worthFolding(room: Room): boolean {
    if (room.updatesSinceSnapshot === 0) return false
    const weight = room.bytesSinceSnapshot + room.updatesSinceSnapshot * ENTRY_WEIGHT_BYTES
    return weight >= room.snapshotBytes * LOG_SHARE_OF_SNAPSHOT
  }

  /** After each committed update: compacts in the background once the log is long enough. */
  function afterCommit(room: Room): void {
    const due = versionDue(room)
    if (compacting.has(room)) return
    if (due) {
      // Counted again from the next edit, so one compaction is queued however many commit.
      editingSince.delete(room)
      setImmediate(() => void compact(room, { version: true }))
    } else if (reachedFoldPoint(room) && worthFolding(room)) {
      setImmediate(() => void compact(room))
    }
  }

  /**
   * Folds the room's log into a new snapshot when it is worth one (`force`: in any case,
   * e.g. after a repair on load, when what was wrong may be in the snapshot itself;
   * `version`: when anything is new, the room's editing having lasted the version interval).
   * Never throws: a failed compaction is logged and the next one folds this log too.
   */
  async function compact(room: Room, { force = false, version = false } = {}): Promise<void> {
    if (compacting.has(room) || !(force || version || worthFolding(room))) return
    compacting.add(room)
    try {
      const fold = await inTurn(async () => {
        await room.whenPersisted()
        await options.catchUp(room)
        if (!force && room.updatesSinceSnapshot === 0) return null
        return {
          updates: room.updatesSinceSnapshot,
          bytes: room.bytesSinceSnapshot,
          upto: room.lastUpdateId,
          state: Y.encodeStateAsUpdate(room.doc),
        }
      })
      if (!fold) return
      await inTurn(() => store.compact(room.name, fold.state, fold.upto))
      room.compacted({
        updates: fold.updates,
        bytes: fold.bytes,
        snapshotBytes: fold.state.byteLength,
      })
      // A version now: the next one after another interval of editing.
      editingSince.delete(room)
      await foldedRows.drop(room.name, fold.upto)
      const thinned = await thinHistory(room.name)
      logger.debug('room compacted', {
        room: room.name,
        folded: fold.updates,
        upto: fold.upto,
        thinned,
      })
    } catch (error) {
      // The snapshot may be stored already; folded rows left behind are never read again
      // and go with the next compaction's pruning.
      logger.error('compaction failed; the next one folds this log too', {
        room: room.name,
        error,
      })
    } finally {
      compacting.delete(room)
    }
  }

  /** Drops the snapshots history.ts thins out, one per turn (a large one frees many pages). */
  async function thinHistory(name: string): Promise<number> {
    const snapshots = await inTurn(() => store.listSnapshots(name))
    const drop = snapshotsToDrop(snapshots, now(), options.maxHistoryBytes)
    let dropped = 0
    for (const id of drop) dropped += await inTurn(() => store.dropSnapshots(name, [id]))
    return dropped
  }

  return { afterCommit, compact }
}
