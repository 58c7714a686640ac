import * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol/close-codes.ts'
import { READ_ONLY_REASON } from '../../shared/protocol/messages.ts'
import type { RelayLimits } from '../../shared/protocol/limits.ts'
import { DocumentLimits } from '../../shared/protocol/document-limits.ts'
import { PeerKind } from '../../shared/protocol/peer.ts'
import type { ParticipantSummary } from '../../shared/api.ts'
import { canWrite, type Role } from '../../shared/roles.ts'
import type { Logger } from '../log.ts'
import type { PeerMessage } from '../scale-out/peer-message.ts'
import type { GroupCommit } from '../storage/group-commit.ts'
import {
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MalformedMessage,
  parseMessage,
} from './protocol.ts'
import { RoomPresence } from './room-presence.ts'
import { makeUpdateIntake, type UpdateIntake } from './update-intake.ts'
import { applyReceivedUpdate, UpdateFailed } from './received-update.ts'

/** One WebSocket as a room sees it. */
export interface RoomConnection {
  /** The session it was opened with: leaving the group ends its connections. */
  readonly sessionId: string
  readonly role: Role
  /** Who opened it, from the session (never from what the client claims). */
  readonly participant: ParticipantSummary
  readonly logger: Logger
  send(frame: Uint8Array): void
  close(code: number, reason: string): void
}

/** What the room's stored log held; the room keeps these counts itself from its load on. */
export interface StoredLogCounts {
  /** Id of the newest log entry the room holds (or its snapshot's upto id). */
  lastUpdateId: number
  /** Log entries after the snapshot, and their bytes. */
  updates: number
  bytes: number
  /** Size of the newest snapshot (0 without one). */
  snapshotBytes: number
}

export interface RoomOptions {
  name: string
  /** The loaded document; the room owns it from here on. */
  doc: Y.Doc
  stored: StoredLogCounts
  commit: GroupCommit
  limits: RelayLimits
  /** What the document may hold and the gate may hold back (defaults: shared/protocol). */
  documentLimits?: DocumentLimits
  logger: Logger
  /** Called after each committed update, so the owner can schedule compaction. */
  onCommitted(room: Room): void
  /** The log could not be written: the room must be dropped and reloaded. */
  onFailed(room: Room, error: unknown): void
  /** Tells the other server nodes what this one accepted (scale-out); absent on one node. */
  share?(message: PeerMessage): void
}

/** The origin of changes made by the server itself (meeting set-up, restores). */
export const SERVER_ORIGIN = Symbol('server')

/** The origin of updates stored already: by another server node, or read back from the log. */
const PEER_ORIGIN = Symbol('peer')

/** A state request being answered (see answerSyncStep1). */
const ANSWERING = 'answering'

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
  private readonly toldReadOnly = new WeakSet<RoomConnection>()
  private readonly intake: UpdateIntake<RoomConnection>
  /** Per connection, the last state request answered (or one being answered). */
  private readonly answered = new WeakMap<RoomConnection, string>()
  /** Counts changes to the document, so a repeated state request can be recognised. */
  private version = 0
  private persisted: Promise<unknown> = Promise.resolve()
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
      apply: (connection, update) => this.applyAdmitted(connection, update),
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
        this.broadcast(encodeUpdate(update), null)
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

  /** Closes the connections opened with a session; returns how many there were. */
  closeSession(sessionId: string, code: number, reason: string): number {
    return this.closeWhere((c) => c.sessionId === sessionId, code, reason)
  }

  destroy(): void {
    this.intake.destroy()
    this.presence.destroy()
    this.doc.destroy()
  }

  /**
   * Answers a request for state once: a repeat while the answer is on its way, or for the
   * same state vector when nothing changed since, is ignored (a viewer asking twenty times
   * for a large room had twenty copies of it queued and took the server down).
   */
  private async answerSyncStep1(
    connection: RoomConnection,
    stateVector: Uint8Array,
  ): Promise<void> {
    const request = `${this.version}:${Buffer.from(stateVector).toString('base64')}`
    const last = this.answered.get(connection)
    if (last === ANSWERING || last === request) return
    this.answered.set(connection, ANSWERING)
    await this.whenPersisted()
    if (!this.connections.has(connection)) return
    try {
      const answer = encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector))
      this.answered.set(connection, `${this.version}:${request.slice(request.indexOf(':') + 1)}`)
      connection.send(answer)
    } catch (error) {
      this.answered.delete(connection)
      this.reject(connection, new MalformedMessage(String(error)))
    }
  }

  private applyUpdate(connection: RoomConnection, update: Uint8Array): void {
    if (!canWrite(connection.role)) {
      if (!this.toldReadOnly.has(connection)) {
        this.toldReadOnly.add(connection)
        connection.send(encodePermissionDenied(READ_ONLY_REASON))
        connection.logger.debug('dropped a write from a viewer')
      }
      return
    }
    this.intake.receive(connection, update)
  }

  /** Applies an update the gate let through, then stores and relays it if it was news. */
  private applyAdmitted(connection: RoomConnection, update: Uint8Array): void {
    let news: boolean
    try {
      news = applyReceivedUpdate(this.doc, update, connection)
    } catch (error) {
      // What it changed before failing is kept, so the log, the doc and the members agree.
      if (error instanceof UpdateFailed && error.partial)
        this.persistAndRelay(error.partial, SERVER_ORIGIN)
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
        this.broadcast(encodeUpdate(update), origin)
        this.options.share?.({ kind: PeerKind.Update, payload: update })
        this.options.onCommitted(this)
      },
      (error: unknown) => this.fail(error),
    )
    this.persisted = committed
  }

  private broadcast(frame: Uint8Array, except: unknown): void {
    for (const connection of this.connections) {
      if (connection !== except) connection.send(frame)
    }
  }

  private closeWhere(
    which: (connection: RoomConnection) => boolean,
    code: number,
    reason: string,
  ): number {
    const closing = [...this.connections].filter(which)
    for (const connection of closing) {
      this.close(connection)
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
