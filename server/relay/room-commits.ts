import { PeerKind } from '../../shared/protocol/peer.ts'
import type { PeerMessage } from '../scale-out/peer-message.ts'
import type { GroupCommit } from '../storage/group-commit.ts'
import { relayBatch, type Outgoing } from './relay-batch.ts'
import type { RelayScheduler } from './relay-scheduler.ts'
import type { RoomConnection, StoredLogCounts } from './room-types.ts'

/** Frames that several connections are sent alike (see RoomConnection.sendShared). */
export function sendShared(connection: RoomConnection, frames: readonly Uint8Array[]): void {
  if (connection.sendShared) connection.sendShared(frames)
  else for (const frame of frames) connection.send(frame)
}

export interface RoomCommitsOptions {
  name: string
  stored: StoredLogCounts
  commit: GroupCommit
  /** Paces the relay of committed updates across the server's rooms (relay-scheduler.ts). */
  relays: RelayScheduler
  /** The room's connections, live: a batch goes to whoever is here when it leaves. */
  connections: ReadonlySet<RoomConnection>
  /** Tells the other server nodes what this one committed (scale-out). */
  share?(message: PeerMessage): void
  onCommitted(): void
  /** The log could not be written. */
  onFailed(error: unknown): void
}

/**
 * A room's updates on their way out: each is committed to the log before anyone is sent
 * it, then relayed with the rest of its turn's batch and shared with the other nodes.
 * Counts what the log holds since the room's snapshot, for compaction.
 */
export function makeRoomCommits(options: RoomCommitsOptions) {
  const log: StoredLogCounts = { ...options.stored }
  let persisted: Promise<unknown> = Promise.resolve()
  /**
   * Committed updates not relayed yet: a group commit resolves its whole batch in one turn,
   * and they leave together at the end of it (relay-batch.ts), one frame per connection.
   */
  let outbox: Outgoing<RoomConnection>[] = []

  /** Commits an update (origin null: made by the server), then relays and shares it. */
  function persistAndRelay(update: Uint8Array, origin: RoomConnection | null): void {
    const author = origin?.participant.id ?? null
    persisted = options.commit.append(options.name, update, author).then((id) => {
      log.lastUpdateId = Math.max(log.lastUpdateId, id)
      log.updates += 1
      log.bytes += update.byteLength
      relay(update, origin)
      options.share?.({ kind: PeerKind.Update, payload: update })
      options.onCommitted()
    }, options.onFailed)
  }

  /**
   * Queues a committed (or already stored) update for the connections here. The first one
   * of a turn schedules the send with the server's relay scheduler: a microtask, so it runs
   * once the group commit has resolved every update of its batch and adds no wait, unless
   * this turn has relayed for long already (then the next turn: relay-scheduler.ts).
   */
  function relay(update: Uint8Array, origin: RoomConnection | null): void {
    if (outbox.push({ update, origin }) > 1) return
    options.relays.schedule(() => {
      const batch = outbox
      outbox = []
      relayBatch(batch, options.connections, sendShared)
    })
  }

  /** The shared log holds entries up to `lastUpdateId`, all applied here (a resync). */
  function caughtUp(lastUpdateId: number): void {
    log.lastUpdateId = Math.max(log.lastUpdateId, lastUpdateId)
  }

  /** A snapshot now folds `updates` of the counted entries (`bytes` of them). */
  function compacted(fold: { updates: number; bytes: number; snapshotBytes: number }): void {
    log.updates -= fold.updates
    log.bytes -= fold.bytes
    log.snapshotBytes = fold.snapshotBytes
  }

  /** Resolves when every update applied so far is committed (and relayed). */
  async function whenPersisted(): Promise<void> {
    let tail: Promise<unknown>
    do {
      tail = persisted
      await tail
    } while (tail !== persisted)
  }

  /** Read by the room; changed only here (commits, catching up, compaction). */
  const counts: Readonly<StoredLogCounts> = log
  return {
    log: counts,
    persistAndRelay,
    relay,
    whenPersisted,
    caughtUp,
    compacted,
  }
}

export type RoomCommits = ReturnType<typeof makeRoomCommits>
