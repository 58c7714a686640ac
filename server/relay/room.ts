import * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol/close-codes.ts'
import { DocumentLimits } from '../../shared/protocol/document-limits.ts'
import { PeerKind } from '../../shared/protocol/peer.ts'
import { canWrite } from '../../shared/roles.ts'
import {
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  MalformedMessage,
  parseMessage,
} from './protocol.ts'
import { RoomPresence } from './room-presence.ts'
import type { RoomConnection, RoomOptions, StoredLogCounts } from './room-types.ts'
import { makeUpdateIntake, type UpdateIntake } from './update-intake.ts'
import type { Touch } from './update-gate.ts'
import { WriteRefusal } from '../../shared/workspace/write-policy.ts'
import { makeStateRequests } from './state-requests.ts'
import { writeRefusal } from './write-check.ts'
import { applyReceivedUpdate, UpdateFailed } from './received-update.ts'
import { relayBatch, type Outgoing } from './relay-batch.ts'

export type { RoomConnection, RoomOptions, StoredLogCounts } from './room-types.ts'

/** The origin of changes made by the server itself (meeting set-up, restores). */
export const SERVER_ORIGIN = Symbol('server')

/** The origin of updates stored already: by another server node, or read back from the log. */
const PEER_ORIGIN = Symbol('peer')

/** Frames that several connections are sent alike (see RoomConnection.sendShared). */
function sendShared(connection: RoomConnection, frames: readonly Uint8Array[]): void {
  if (connection.sendShared) connection.sendShared(frames)
  else for (const frame of frames) connection.send(frame)
}

/** WebSocket close reasons are at most 123 bytes. */
const MAX_CLOSE_REASON = 100

/**
 * A group's live workspace: a Y.Doc, its awareness and its connections. Narrow interface:
 * connect / message / close. Every document update is committed to the log before it is
 * relayed to anyone, and state is only served once everything applied is committed.
 */
export class Room {
  readonly name: string
  readonly doc: Y.Doc
  readonly presence: RoomPresence
  private readonly log: StoredLogCounts
  private readonly connections = new Set<RoomConnection>()
  private readonly intake: UpdateIntake<RoomConnection>
  private readonly stateRequests = makeStateRequests<RoomConnection>()
  /** Counts changes to the document, so a repeated state request can be recognised. */
  private version = 0
  private persisted: Promise<unknown> = Promise.resolve()
  /**
   * Committed updates not relayed yet: a group commit resolves its whole batch in one turn,
   * and they leave together at the end of it (relay-batch.ts), one frame per connection.
   */
  private outbox: Outgoing<RoomConnection>[] = []
  private failed = false

  constructor(private readonly options: RoomOptions) {
    this.name = options.name
    this.doc = options.doc
    this.log = { ...options.stored }
    this.presence = new RoomPresence(this.doc, {
      broadcast: (frame, except) => this.broadcast(frame, except),
      share: options.share,
    })
    this.intake = makeUpdateIntake<RoomConnection>({
      doc: this.doc,
      limits: options.documentLimits ?? DocumentLimits,
      logger: options.logger,
      storedBytes: this.log.snapshotBytes + this.log.bytes,
      apply: (connection, update, touches) => this.applyAdmitted(connection, update, touches),
      refuse: (connection, code, reason) => this.refuse(connection, code, reason),
    })
  }

  get size(): number {
    return this.connections.size
  }

  get lastUpdateId(): number {
    return this.log.lastUpdateId
  }

  get updatesSinceSnapshot(): number {
    return this.log.updates
  }

  get bytesSinceSnapshot(): number {
    return this.log.bytes
  }

  get snapshotBytes(): number {
    return this.log.snapshotBytes
  }

  /** The shared log holds entries up to `lastUpdateId`, all applied here (a resync). */
  caughtUp(lastUpdateId: number): void {
    this.log.lastUpdateId = Math.max(this.log.lastUpdateId, lastUpdateId)
  }

  /** A snapshot now folds `updates` of the counted entries (`bytes` of them). */
  compacted(fold: { updates: number; bytes: number; snapshotBytes: number }): void {
    this.log.updates -= fold.updates
    this.log.bytes -= fold.bytes
    this.log.snapshotBytes = fold.snapshotBytes
  }

  connect(connection: RoomConnection): void {
    this.connections.add(connection)
    // Writers get our state vector so they upload what we lack (edits made offline).
    // Viewers' uploads would be dropped anyway, so they are not asked.
    if (canWrite(connection.role)) connection.send(encodeSyncStep1(this.doc))
    this.presence.welcome(connection)
  }

  message(connection: RoomConnection, frame: Uint8Array): void {
    if (!this.connections.has(connection)) return
    try {
      const message = parseMessage(frame)
      switch (message.type) {
        case 'sync-step-1':
          void this.answerSyncStep1(connection, message.stateVector)
          return
        case 'sync-update':
          this.applyUpdate(connection, message.update)
          return
        case 'awareness':
          this.applyAwareness(connection, message.update)
          return
        case 'query-awareness':
          this.presence.sendAll(connection)
          return
        case 'auth':
          return
      }
    } catch (error) {
      this.reject(connection, error)
    }
  }

  close(connection: RoomConnection): void {
    if (!this.connections.delete(connection)) return
    this.intake.leave(connection)
    this.presence.leave(connection)
  }

  /**
   * An update that is stored already (another node accepted it, or the shared log holds
   * it): applied and relayed here, never stored or shared again. An unreadable one is
   * skipped, as when a room loads.
   */
  applyStored(update: Uint8Array): void {
    try {
      if (applyReceivedUpdate(this.doc, update, PEER_ORIGIN)) {
        this.version += 1
        this.relay(update, null)
        this.intake.changed()
      }
    } catch (error) {
      this.options.logger.warn('skipped an unreadable stored update', { error })
    }
  }

  /** A change made by the server; resolves once it is committed and relayed. */
  async change(apply: (doc: Y.Doc) => void): Promise<void> {
    const updates: Uint8Array[] = []
    const collect = (update: Uint8Array) => updates.push(update)
    this.doc.on('update', collect)
    try {
      this.doc.transact(() => apply(this.doc), SERVER_ORIGIN)
    } finally {
      this.doc.off('update', collect)
    }
    for (const update of updates) this.persistAndRelay(update, SERVER_ORIGIN)
    this.version += 1
    this.intake.changed()
    await this.whenPersisted()
  }

  /** Resolves when every update applied so far is committed (and relayed). */
  async whenPersisted(): Promise<void> {
    let tail: Promise<unknown>
    do {
      tail = this.persisted
      await tail
    } while (tail !== this.persisted)
  }

  /** Closes every connection (shutdown, failure) and stops observing. */
  closeAll(code: number, reason: string): void {
    this.closeWhere(() => true, code, reason)
  }

  /** Sends a frame the server made (not a document update) to every connection here. */
  tellAll(frame: Uint8Array): void {
    this.broadcast(frame, null)
  }

  /** Closes the connections opened with a session; returns how many there were. */
  closeSession(sessionId: string, code: number, reason: string): number {
    return this.closeWhere((c) => c.sessionId === sessionId, code, reason)
  }

  /**
   * The participants connected to this room now: through this node, and (from their
   * presence) through the other nodes that hold it (scale-out).
   */
  participantsOnline(): Set<string> {
    const online = new Set<string>()
    for (const connection of this.connections) online.add(connection.participant.id)
    for (const state of this.presence.awareness.getStates().values()) {
      const id = (state as { user?: { participantId?: unknown } }).user?.participantId
      if (typeof id === 'string') online.add(id)
    }
    return online
  }

  destroy(): void {
    this.intake.destroy()
    this.presence.destroy()
    this.doc.destroy()
  }

  /** Answers a request for state once it is all committed (see state-requests.ts). */
  private async answerSyncStep1(
    connection: RoomConnection,
    stateVector: Uint8Array,
  ): Promise<void> {
    const vector = this.stateRequests.begin(connection, this.version, stateVector)
    if (vector === null) return
    await this.whenPersisted()
    if (!this.connections.has(connection)) return
    try {
      const answer = encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector))
      this.stateRequests.done(connection, this.version, vector)
      connection.send(answer)
    } catch (error) {
      this.stateRequests.failed(connection)
      this.reject(connection, new MalformedMessage(String(error)))
    }
  }

  private applyUpdate(connection: RoomConnection, update: Uint8Array): void {
    if (!canWrite(connection.role)) {
      if (!this.intake.bringsNothing(update)) this.refuseWrite(connection, WriteRefusal.ReadOnly)
      return
    }
    if (this.options.checks?.updateGate === false) this.applyAdmitted(connection, update, [])
    else this.intake.receive(connection, update)
  }

  /**
   * A write the policy refuses: the sender is told why (an auth "permission denied" with
   * the refusal) and closed with WriteRefused, so its client throws away its local copy of
   * the change and reloads from the room; nothing of it was stored or relayed.
   */
  private refuseWrite(connection: RoomConnection, reason: WriteRefusal): void {
    connection.logger.info('refused a write', { reason })
    connection.send(encodePermissionDenied(reason))
    this.close(connection)
    connection.close(CloseCode.WriteRefused, reason)
  }

  /** Applies an update the gate let through, then stores and relays it if it was news. */
  private applyAdmitted(
    connection: RoomConnection,
    update: Uint8Array,
    touches: readonly Touch[],
  ): void {
    const writer = { role: connection.role, participantId: connection.participant.id }
    const refusal =
      this.options.checks?.writePolicy === false ? null : writeRefusal(this.doc, writer, touches)
    if (refusal) {
      this.refuseWrite(connection, refusal)
      return
    }
    let news: boolean
    try {
      news = applyReceivedUpdate(this.doc, update, connection)
    } catch (error) {
      // What it changed before failing is kept (and attributed to its sender), so the log,
      // the doc and the members agree.
      if (error instanceof UpdateFailed && error.partial)
        this.persistAndRelay(error.partial, connection)
      const reason = error instanceof Error ? error.message : String(error)
      this.reject(connection, new MalformedMessage(`invalid update: ${reason}`))
      return
    }
    if (!news) return
    this.version += 1
    this.persistAndRelay(update, connection)
  }

  /** An update the gate refused: nothing of it was applied; its sender is closed. */
  private refuse(connection: RoomConnection, code: CloseCode, reason: string): void {
    connection.logger.warn('refused an update', { reason, code })
    this.close(connection)
    connection.close(code, reason.slice(0, MAX_CLOSE_REASON))
  }

  private applyAwareness(connection: RoomConnection, update: Uint8Array): void {
    if (update.byteLength > this.options.limits.maxAwarenessBytes) {
      connection.logger.warn('awareness state too large', { bytes: update.byteLength })
      connection.close(CloseCode.MessageTooLarge, 'awareness state too large')
      this.close(connection)
      return
    }
    this.presence.apply(connection, update)
  }

  private persistAndRelay(update: Uint8Array, origin: RoomConnection | typeof SERVER_ORIGIN): void {
    const author = origin === SERVER_ORIGIN ? null : origin.participant.id
    const committed = this.options.commit.append(this.name, update, author).then(
      (id) => {
        this.log.lastUpdateId = Math.max(this.log.lastUpdateId, id)
        this.log.updates += 1
        this.log.bytes += update.byteLength
        this.relay(update, origin === SERVER_ORIGIN ? null : origin)
        this.options.share?.({ kind: PeerKind.Update, payload: update })
        this.options.onCommitted(this)
      },
      (error: unknown) => this.fail(error),
    )
    this.persisted = committed
  }

  /**
   * Queues a committed (or already stored) update for the connections here. The first one
   * of a turn schedules the send with the server's relay scheduler: a microtask, so it runs
   * once the group commit has resolved every update of its batch and adds no wait, unless
   * this turn has relayed for long already (then the next turn: relay-scheduler.ts).
   */
  private relay(update: Uint8Array, origin: RoomConnection | null): void {
    if (this.outbox.push({ update, origin }) > 1) return
    this.options.relays.schedule(() => {
      const batch = this.outbox
      this.outbox = []
      relayBatch(batch, this.connections, sendShared)
    })
  }

  private broadcast(frame: Uint8Array, except: unknown): void {
    const frames = [frame]
    for (const connection of this.connections) {
      if (connection !== except) sendShared(connection, frames)
    }
  }

  private closeWhere(
    which: (connection: RoomConnection) => boolean,
    code: number,
    reason: string,
  ): number {
    const closing = [...this.connections].filter(which)
    // All out of the room before any leaves: each one's leaving is then told only to those
    // who stay (a shutdown told every closing member of every other one: N² frames a room).
    for (const connection of closing) this.connections.delete(connection)
    this.presence.leave(...closing)
    for (const connection of closing) {
      this.intake.leave(connection)
      connection.close(code, reason)
    }
    return closing.length
  }

  private reject(connection: RoomConnection, error: unknown): void {
    const reason = error instanceof MalformedMessage ? error.message : 'unexpected error'
    connection.logger.warn('closing connection after a malformed message', { reason })
    this.close(connection)
    connection.close(CloseCode.MalformedMessage, 'malformed message')
  }

  private fail(error: unknown): void {
    if (this.failed) return
    this.failed = true
    this.options.logger.error('could not store an update; dropping the room', { error })
    this.closeAll(CloseCode.InternalError, 'storage failure')
    this.options.onFailed(this, error)
  }
}
