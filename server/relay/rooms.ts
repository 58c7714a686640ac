import * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol/close-codes.ts'
import type { RelayLimits } from '../../shared/protocol/limits.ts'
import { PeerKind } from '../../shared/protocol/peer.ts'
import type { Logger } from '../log.ts'
import type { PeerMessage } from '../scale-out/peer-message.ts'
import type { RoomBus } from '../scale-out/room-bus.ts'
import type { DocStore } from '../storage/doc-store.ts'
import type { GroupCommit } from '../storage/group-commit.ts'
import { makeOneAtATime } from './one-at-a-time.ts'
import { Room, type RoomConnection } from './room.ts'

export interface RoomsOptions {
  store: DocStore
  commit: GroupCommit
  limits: RelayLimits
  logger: Logger
  /** How long an empty room stays loaded. */
  graceMs: number
  /** Log entries since the last snapshot that trigger background compaction. */
  compactAfterUpdates: number
  /** The other server nodes (scale-out, REDIS_URL); absent when this node is alone. */
  bus?: RoomBus
}

/**
 * Folded log rows dropped per turn of the event loop. Measured before: storing the snapshot
 * and deleting ~500 rows in one step held the relay up to 36 ms.
 */
const PRUNE_STEP = 100

/**
 * The live rooms of this process: loads a room on first use (snapshot + later log
 * entries), keeps it while used, compacts it in the background and unloads it after a
 * grace period without connections.
 */
export function createRooms(options: RoomsOptions) {
  const { store, commit, logger, bus } = options
  const loaded = new Map<string, Promise<Room>>()
  /** The same rooms once loaded, for synchronous questions (counts, health). */
  const live = new Map<string, Room>()
  const unloadTimers = new Map<string, NodeJS.Timeout>()
  const compacting = new Set<Room>()
  const inTurn = makeOneAtATime()
  let closing = false

  async function load(name: string): Promise<Room> {
    // Subscribed before reading the log, so an update committed elsewhere after the read
    // still arrives; one both read and heard is applied once (Yjs skips what it has).
    let ready: Room | null = null
    const early: PeerMessage[] = []
    await bus?.subscribe(name, (message) => {
      if (message.kind === PeerKind.Resync) resyncLogged(ready)
      else if (message.kind === PeerKind.SessionEnded)
        closeSession(name, new TextDecoder().decode(message.payload))
      else if (ready) deliver(ready, message)
      else early.push(message)
    })
    let stored: Awaited<ReturnType<DocStore['load']>>
    try {
      stored = await store.load(name)
    } catch (error) {
      bus?.unsubscribe(name)
      throw error
    }
    const doc = new Y.Doc()
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
    const room = new Room({
      name,
      doc,
      lastUpdateId: stored.lastUpdateId,
      updatesSinceSnapshot: stored.updates.length,
      commit,
      limits: options.limits,
      logger: logger.child({ room: name }),
      onCommitted: maybeCompact,
      onFailed: (failed) => drop(failed),
      share: bus && ((message) => bus.publish(name, message)),
    })
    ready = room
    for (const message of early.splice(0)) deliver(room, message)
    logger.debug('room loaded', { room: name, updates: stored.updates.length })
    return room
  }

  /** An update or awareness change another node accepted (it stored the update). */
  function deliver(room: Room, message: PeerMessage): void {
    if (message.kind === PeerKind.Update) room.applyStored(message.payload)
    else if (message.kind === PeerKind.Awareness) {
      try {
        room.presence.fromPeer(message.payload)
      } catch (error) {
        logger.warn('ignored an unreadable peer awareness update', { room: room.name, error })
      }
    }
  }

  /**
   * Applies what the shared log holds that the room may lack: after the bus lost messages,
   * and before compacting when other nodes write the same log (their updates must be in
   * the snapshot that replaces the log entries).
   */
  async function resync(room: Room): Promise<void> {
    const stored = await store.load(room.name)
    if (live.get(room.name) !== room) return // unloaded meanwhile
    if (stored.snapshot) room.applyStored(stored.snapshot)
    for (const update of stored.updates) room.applyStored(update)
    room.lastUpdateId = Math.max(room.lastUpdateId, stored.lastUpdateId)
  }

  function resyncLogged(room: Room | null): void {
    if (!room) return // still loading: the load reads the log anyway
    resync(room).catch((error: unknown) =>
      logger.error('could not resync a room', { room: room.name, error }),
    )
  }

  /** After a bus outage: catch up here, and ask the other nodes to catch up with us. */
  function resyncAll(): void {
    for (const room of live.values()) {
      resyncLogged(room)
      bus?.publish(room.name, { kind: PeerKind.Resync, payload: new Uint8Array(0) })
    }
  }
  bus?.onReconnected(resyncAll)

  function acquire(name: string): Promise<Room> {
    if (closing) return Promise.reject(new Error('shutting down'))
    cancelUnload(name)
    let room = loaded.get(name)
    if (!room) {
      room = load(name)
      loaded.set(name, room)
      room.then(
        (ready) => live.set(name, ready),
        () => loaded.delete(name),
      )
    }
    return room
  }

  async function join(name: string, connection: RoomConnection): Promise<Room> {
    const room = await acquire(name)
    room.connect(connection)
    return room
  }

  function leave(room: Room, connection: RoomConnection): void {
    room.close(connection)
    if (room.size === 0) scheduleUnload(room)
  }

  /** A change made by the server (e.g. a new meeting's structure); committed when it resolves. */
  async function change(name: string, apply: (doc: Y.Doc) => void): Promise<void> {
    const room = await acquire(name)
    try {
      await room.change(apply)
    } finally {
      if (room.size === 0) scheduleUnload(room)
    }
  }

  const connectionCount = (name: string): number => live.get(name)?.size ?? 0

  /**
   * A session ended (the participant left): its open connections end with it, on this
   * node and on the others (scale-out), since the member may be connected to any of them.
   */
  function endSession(name: string, sessionId: string): void {
    const payload = new TextEncoder().encode(sessionId)
    bus?.publish(name, { kind: PeerKind.SessionEnded, payload })
    closeSession(name, sessionId)
  }

  function closeSession(name: string, sessionId: string): void {
    const room = live.get(name)
    if (!room) return
    const closed = room.closeSession(sessionId, CloseCode.SessionExpired, 'session ended')
    // Each closed socket leaves the room as usual (ws-route), which schedules the unload.
    if (closed > 0)
      logger.info('closed the connections of an ended session', { room: name, closed })
  }

  function cancelUnload(name: string): void {
    const timer = unloadTimers.get(name)
    if (timer) clearTimeout(timer)
    unloadTimers.delete(name)
  }

  function scheduleUnload(room: Room): void {
    cancelUnload(room.name)
    const timer = setTimeout(() => void unload(room), options.graceMs)
    timer.unref()
    unloadTimers.set(room.name, timer)
  }

  async function unload(room: Room): Promise<void> {
    unloadTimers.delete(room.name)
    if (room.size > 0) return
    await compact(room)
    if (room.size > 0) return
    loaded.delete(room.name)
    live.delete(room.name)
    bus?.unsubscribe(room.name)
    room.destroy()
    logger.debug('room unloaded', { room: room.name })
  }

  function drop(room: Room): void {
    cancelUnload(room.name)
    loaded.delete(room.name)
    live.delete(room.name)
    bus?.unsubscribe(room.name)
    room.destroy()
  }

  function maybeCompact(room: Room): void {
    if (room.updatesSinceSnapshot >= options.compactAfterUpdates && !compacting.has(room)) {
      setImmediate(() => void compact(room))
    }
  }

  /**
   * Folds the room's log into a new snapshot; the doc holds everything committed so far.
   * Each step takes its turn (one-at-a-time.ts): encoding, storing the snapshot, then
   * dropping the folded log a few rows at a time, so compactions never hold the relay long.
   */
  async function compact(room: Room): Promise<void> {
    if (compacting.has(room) || room.updatesSinceSnapshot === 0) return
    compacting.add(room)
    try {
      const fold = await inTurn(async () => {
        await room.whenPersisted()
        if (bus) await resync(room)
        const folded = room.updatesSinceSnapshot
        if (folded === 0) return null
        return { folded, upto: room.lastUpdateId, state: Y.encodeStateAsUpdate(room.doc) }
      })
      if (!fold) return
      await inTurn(() => store.compact(room.name, fold.state, fold.upto))
      room.updatesSinceSnapshot -= fold.folded
      let dropped = PRUNE_STEP
      while (dropped === PRUNE_STEP) {
        dropped = await inTurn(() => store.prune(room.name, fold.upto, PRUNE_STEP))
      }
      logger.debug('room compacted', { room: room.name, folded: fold.folded, upto: fold.upto })
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

  /** Stops taking connections, closes them as going-away, stores everything pending. */
  async function shutdown(): Promise<void> {
    closing = true
    for (const timer of unloadTimers.values()) clearTimeout(timer)
    unloadTimers.clear()
    const rooms = await Promise.allSettled(loaded.values())
    for (const result of rooms) {
      if (result.status !== 'fulfilled') continue
      const room = result.value
      room.closeAll(CloseCode.GoingAway, 'server shutting down')
      await room.whenPersisted()
      await compact(room)
      room.destroy()
    }
    loaded.clear()
    live.clear()
    await commit.flush()
  }

  const stats = () => {
    let connections = 0
    for (const room of live.values()) connections += room.size
    return { rooms: live.size, connections }
  }

  return { acquire, join, leave, change, connectionCount, endSession, shutdown, stats }
}

export type Rooms = ReturnType<typeof createRooms>
