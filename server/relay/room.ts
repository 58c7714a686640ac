import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol/close-codes.ts'
import { READ_ONLY_REASON } from '../../shared/protocol/messages.ts'
import type { RelayLimits } from '../../shared/protocol/limits.ts'
import { canWrite, type Role } from '../../shared/roles.ts'
import type { Logger } from '../log.ts'
import type { GroupCommit } from '../storage/group-commit.ts'
import {
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MalformedMessage,
  parseMessage,
} from './protocol.ts'
import { applyReceivedUpdate, UpdateFailed } from './received-update.ts'

/** One WebSocket as a room sees it. */
export interface RoomConnection {
  /** The session it was opened with: leaving the group ends its connections. */
  readonly sessionId: string
  readonly role: Role
  readonly logger: Logger
  send(frame: Uint8Array): void
  close(code: number, reason: string): void
}

export interface RoomOptions {
  name: string
  /** The loaded document; the room owns it from here on. */
  doc: Y.Doc
  lastUpdateId: number
  updatesSinceSnapshot: number
  commit: GroupCommit
  limits: RelayLimits
  logger: Logger
  /** Called after each committed update, so the owner can schedule compaction. */
  onCommitted(room: Room): void
  /** The log could not be written: the room must be dropped and reloaded. */
  onFailed(room: Room, error: unknown): void
}

/** The origin of changes made by the server itself (meeting set-up, restores). */
export const SERVER_ORIGIN = Symbol('server')

/**
 * A group's live workspace: a Y.Doc, its awareness and its connections. Narrow interface:
 * connect / message / close. Every document update is committed to the log before it is
 * relayed to anyone, and state is only served once everything applied is committed.
 */
export class Room {
  readonly name: string
  readonly doc: Y.Doc
  readonly awareness: awarenessProtocol.Awareness
  lastUpdateId: number
  updatesSinceSnapshot: number
  private readonly connections = new Map<RoomConnection, Set<number>>()
  private readonly toldReadOnly = new WeakSet<RoomConnection>()
  private persisted: Promise<unknown> = Promise.resolve()
  private failed = false

  constructor(private readonly options: RoomOptions) {
    this.name = options.name
    this.doc = options.doc
    this.lastUpdateId = options.lastUpdateId
    this.updatesSinceSnapshot = options.updatesSinceSnapshot
    this.awareness = new awarenessProtocol.Awareness(this.doc)
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  get size(): number {
    return this.connections.size
  }

  connect(connection: RoomConnection): void {
    this.connections.set(connection, new Set())
    // Writers get our state vector so they upload what we lack (edits made offline).
    // Viewers' uploads would be dropped anyway, so they are not asked.
    if (canWrite(connection.role)) connection.send(encodeSyncStep1(this.doc))
    const states = this.awareness.getStates()
    if (states.size > 0) {
      const all = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])
      connection.send(encodeAwareness(all))
    }
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
        case 'query-awareness': {
          const ids = [...this.awareness.getStates().keys()]
          connection.send(
            encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)),
          )
          return
        }
        case 'auth':
          return
      }
    } catch (error) {
      this.reject(connection, error)
    }
  }

  close(connection: RoomConnection): void {
    const clientIds = this.connections.get(connection)
    if (!clientIds) return
    this.connections.delete(connection)
    if (clientIds.size > 0)
      awarenessProtocol.removeAwarenessStates(this.awareness, [...clientIds], null)
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
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.doc.destroy()
  }

  private async answerSyncStep1(
    connection: RoomConnection,
    stateVector: Uint8Array,
  ): Promise<void> {
    await this.whenPersisted()
    if (!this.connections.has(connection)) return
    try {
      connection.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector)))
    } catch (error) {
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
    let news: boolean
    try {
      news = applyReceivedUpdate(this.doc, update, connection)
    } catch (error) {
      // What it changed before failing is kept, so the log, the doc and the members agree.
      if (error instanceof UpdateFailed && error.partial)
        this.persistAndRelay(error.partial, SERVER_ORIGIN)
      throw new MalformedMessage(
        `invalid update: ${error instanceof Error ? error.message : error}`,
      )
    }
    if (news) this.persistAndRelay(update, connection)
  }

  private applyAwareness(connection: RoomConnection, update: Uint8Array): void {
    if (update.byteLength > this.options.limits.maxAwarenessBytes) {
      connection.logger.warn('awareness state too large', { bytes: update.byteLength })
      connection.close(CloseCode.MessageTooLarge, 'awareness state too large')
      this.close(connection)
      return
    }
    try {
      // What changed is relayed by onAwarenessUpdate; stale entries change nothing.
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connection)
    } catch (error) {
      throw new MalformedMessage(
        `invalid awareness: ${error instanceof Error ? error.message : error}`,
      )
    }
  }

  private persistAndRelay(update: Uint8Array, origin: unknown): void {
    const committed = this.options.commit.append(this.name, update).then(
      (id) => {
        this.lastUpdateId = Math.max(this.lastUpdateId, id)
        this.updatesSinceSnapshot += 1
        this.broadcast(encodeUpdate(update), origin)
        this.options.onCommitted(this)
      },
      (error: unknown) => this.fail(error),
    )
    this.persisted = committed
  }

  /**
   * Relays only the awareness entries that changed here. y-websocket clients send back
   * every remote change they receive; relaying frames as received would turn each change
   * into one echo per member, each sent to every member (N² frames per cursor move).
   */
  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const ids = this.connections.get(origin as RoomConnection)
    if (ids) {
      for (const id of change.added) ids.add(id)
      for (const id of change.removed) ids.delete(id)
    }
    const changed = [...change.added, ...change.updated, ...change.removed]
    if (changed.length === 0) return
    this.broadcast(
      encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)),
      ids ? origin : null,
    )
  }

  private broadcast(frame: Uint8Array, except: unknown): void {
    for (const connection of this.connections.keys()) {
      if (connection !== except) connection.send(frame)
    }
  }

  private closeWhere(
    which: (connection: RoomConnection) => boolean,
    code: number,
    reason: string,
  ): number {
    const closing = [...this.connections.keys()].filter(which)
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
