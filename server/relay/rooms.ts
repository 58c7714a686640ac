import { makeRelayScheduler, type RelayScheduler } from './relay-scheduler.ts'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol/close-codes.ts'
import type { RelayLimits } from '../../shared/protocol/limits.ts'
import type { DocumentLimits } from '../../shared/protocol/document-limits.ts'
import type { RelayChecks } from './room-types.ts'
import type { Logger } from '../log.ts'
import type { RoomBus } from '../scale-out/room-bus.ts'
import type { DocStore, StoredDoc } from '../storage/doc-store.ts'
import type { GroupCommit } from '../storage/group-commit.ts'
import { clearPendingOnLoad } from './pending-repair.ts'
import { migrateOnLoad, refuseNewerWorkspace } from './room-migration.ts'
import { createCompaction } from './room-compaction.ts'
import { createRoomLifecycle, type UseOptions } from './room-lifecycle.ts'
import { makeRoomNotices } from './room-notices.ts'
import { makeRoomPeers } from './room-peers.ts'
import { Room, type RoomConnection } from './room.ts'

export interface RoomsOptions {
  store: DocStore
  commit: GroupCommit
  limits: RelayLimits
  /** What each room's document may hold (the update gate's limits); defaults when absent. */
  documentLimits?: DocumentLimits
  checks?: RelayChecks
  logger: Logger
  /** How long an unused room stays loaded. */
  graceMs: number
  /** Log entries since the last snapshot before a background compaction is considered. */
  compactAfterUpdates: number
  /** Bytes of snapshots (version history) kept per room; the newest always stays. */
  maxHistoryBytes: number
  /** Milliseconds of editing after which a version is kept (0: only by the log's length). */
  versionIntervalMs?: number
  /** The other server nodes (scale-out, REDIS_URL); absent when this node is alone. */
  bus?: RoomBus
  /** Paces the relays of every room here (tests give it a clock of their own). */
  relays?: RelayScheduler
}

/**
 * The rooms of this process: loads a room on first use (snapshot + later log entries),
 * relays between it and the other nodes, compacts it in the background, and leaves its
 * life (loading, live, draining, unloaded, failed) to room-lifecycle.ts.
 */
export function createRooms(options: RoomsOptions) {
  const { store, commit, logger, bus } = options
  const relays =
    options.relays ??
    makeRelayScheduler({
      onError: (error) => logger.error('a relay task failed', { error }),
    })
  const compaction = createCompaction({
    store,
    logger,
    compactAfterUpdates: options.compactAfterUpdates,
    maxHistoryBytes: options.maxHistoryBytes,
    versionIntervalMs: options.versionIntervalMs,
    catchUp: (room) => peers.resync(room),
    busy: () => commit.busy(),
  })
  const lifecycle = createRoomLifecycle<Room>({
    graceMs: options.graceMs,
    load,
    drain: (room) => compaction.compact(room),
    release(room) {
      peers.unlisten(room.name)
      room.destroy()
    },
    logger,
  })
  const notices = makeRoomNotices({ loaded: (name) => lifecycle.get(name), bus, logger })
  const peers = makeRoomPeers({
    store,
    bus,
    notices,
    loaded: (name) => lifecycle.get(name),
    everyLoaded: () => lifecycle.loaded(),
    logger,
  })

  async function load(name: string): Promise<Room> {
    const inbox = await peers.listen(name)
    let stored: StoredDoc
    try {
      stored = await store.load(name)
    } catch (error) {
      peers.unlisten(name)
      throw error
    }
    // Named by its room: Yjs would draw a random guid (31 calls to webcrypto, ~0.2 ms a room
    // in a restart's storm of room loads) for subdocuments the workspace never has.
    const doc = new Y.Doc({ guid: name })
    const apply = (update: Uint8Array) => {
      try {
        Y.applyUpdate(doc, update)
      } catch (error) {
        logger.error('skipped an unreadable stored update', { room: name, error })
      }
    }
    doc.transact(() => {
      if (stored.snapshot) apply(stored.snapshot)
      for (const update of stored.updates) apply(update)
    })
    // What the stored state left pending (bad updates stored before the gate) would be
    // re-applied on every later edit: dropped here, and the room compacted at once so the
    // next load does not replay it.
    const repaired = clearPendingOnLoad(doc)
    try {
      refuseNewerWorkspace(name, doc, logger)
    } catch (error) {
      peers.unlisten(name)
      throw error
    }
    const room = new Room({
      name,
      doc,
      stored: {
        lastUpdateId: stored.lastUpdateId,
        updates: stored.updates.length,
        bytes: stored.updates.reduce((sum, update) => sum + update.byteLength, 0),
        snapshotBytes: stored.snapshot?.byteLength ?? 0,
      },
      commit,
      relays,
      limits: options.limits,
      documentLimits: options.documentLimits,
      checks: options.checks,
      logger: logger.child({ room: name }),
      onCommitted: compaction.afterCommit,
      onFailed: (failed) => lifecycle.fail(failed),
      share: bus && ((message) => bus.publish(name, message)),
    })
    inbox.ready(room)
    try {
      await migrateOnLoad(room, logger)
    } catch (error) {
      peers.unlisten(name)
      room.destroy()
      throw error
    }
    if (repaired) {
      logger.warn('dropped pending structs or deletions left by stored updates; compacting', {
        room: name,
      })
      void compaction.compact(room, { force: true })
    }
    logger.debug('room loaded', { room: name, updates: stored.updates.length })
    return room
  }

  /**
   * The room, loaded if needed (e.g. warmed before an upgrade). Unused, it unloads after
   * the grace period, counted from here: an upgrade that never completes frees it too.
   */
  const acquire = (name: string): Promise<Room> => lifecycle.acquire(name)

  async function join(name: string, connection: RoomConnection): Promise<Room> {
    const room = await lifecycle.acquire(name)
    room.connect(connection)
    return room
  }

  /**
   * A frame read from a connection's socket: handled at once, or after what waits when a
   * turn has run for its slice already (relay-scheduler.ts; a reconnect storm's poll
   * phases read hundreds of frames). Handshakes are paced the same way (`pace`).
   */
  function receive(room: Room, connection: RoomConnection, frame: Uint8Array): void {
    relays.runNowOrLater(() => room.message(connection, frame))
  }

  /**
   * A connection closed: it leaves after the frames it sent are handled (a room drops the
   * frames of a connection that left). A late close about a failed or unloaded room is
   * harmless.
   */
  function leave(room: Room, connection: RoomConnection): void {
    relays.runNowOrLater(() => {
      room.close(connection)
      lifecycle.idle(room)
    })
  }

  /**
   * A change made by the server (e.g. a new meeting's structure); committed when it
   * resolves. The room stays loaded meanwhile; `unloadAfter` unloads it right after when
   * nobody is connected (a one-off change, like the demo's set-up at startup).
   */
  function change(name: string, apply: (doc: Y.Doc) => void, use?: UseOptions): Promise<void> {
    return lifecycle.use(name, (room) => room.change(apply), use)
  }

  /**
   * Folds what the room's log holds since its last snapshot into a new one now (loading the
   * room if needed): the state before a restore becomes a version of its own.
   */
  const keepVersion = (name: string): Promise<void> =>
    lifecycle.use(name, async (room) => {
      await room.whenPersisted()
      if (room.updatesSinceSnapshot > 0) await compaction.compact(room, { force: true })
    })

  const connectionCount = (name: string): number => lifecycle.get(name)?.size ?? 0

  /**
   * The room's document when it is loaded on this node, for reading only (the round
   * overview reads it as it is instead of the store, which may lack what is being committed).
   */
  const loadedDoc = (name: string): Y.Doc | undefined => lifecycle.get(name)?.doc

  /** Who is connected to the room now (empty when it is not loaded here). */
  const participantsOnline = (name: string): Set<string> =>
    lifecycle.get(name)?.participantsOnline() ?? new Set()

  /**
   * Stops taking connections, closes them as going-away, stores everything pending. No
   * compaction: the log is stored, a room folds it after its next load's first edits, and
   * members waiting to reconnect should not wait for every room's snapshot (a restart
   * under 2,000 clients in 200 rooms: `npm run bench:storm`).
   */
  async function shutdown(): Promise<void> {
    relays.drain() // frames read but not yet handled are stored like the rest
    await lifecycle.shutdown(async (room) => {
      room.closeAll(CloseCode.GoingAway, 'server shutting down')
      await room.whenPersisted()
    })
    await commit.flush()
  }

  const stats = () => {
    const rooms = lifecycle.loaded()
    return { rooms: rooms.length, connections: rooms.reduce((sum, room) => sum + room.size, 0) }
  }

  return {
    acquire,
    join,
    receive,
    leave,
    pace: relays.runNowOrLater,
    backlog: relays.pending,
    change,
    keepVersion,
    connectionCount,
    endSession: notices.endSession,
    changeSession: notices.changeSession,
    groupChanged: notices.groupChanged,
    participantsOnline,
    loadedDoc,
    shutdown,
    stats,
    stateOf: lifecycle.stateOf,
  }
}

export type Rooms = ReturnType<typeof createRooms>
