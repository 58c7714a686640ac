import * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol/close-codes.ts'
import { DocumentLimits } from '../../shared/protocol/document-limits.ts'
import { canWrite } from '../../shared/roles.ts'
import { encodeSyncStep1, encodeSyncStep2, MalformedMessage, parseMessage } from './protocol.ts'
import { RoomPresence } from './room-presence.ts'
import type { RoomConnection, RoomOptions } from './room-types.ts'
import { makeStateRequests } from './state-requests.ts'
import { applyReceivedUpdate } from './received-update.ts'
import { makeRoomCommits, sendShared, type RoomCommits } from './room-commits.ts'
import { makeRoomWrites, type RoomWrites } from './room-writes.ts'

export type { RoomConnection, RoomOptions } from './room-types.ts'

/** The origin of changes made by the server itself (meeting set-up, restores). */
const SERVER_ORIGIN = Symbol('server')

/** The origin of updates stored already: by another server node, or read back from the log. */
const PEER_ORIGIN = Symbol('peer')

/**
 * A group's live workspace: a Y.Doc, its awareness and its connections. Narrow interface:
 * connect / message / close. Every document update is committed to the log before it is
 * relayed to anyone, and state is only served once everything applied is committed.
 */
export class Room {
  readonly name: string
  readonly doc: Y.Doc
  readonly presence: RoomPresence
  private readonly connections = new Set<RoomConnection>()
  private readonly commits: RoomCommits
  private readonly writes: RoomWrites
  private readonly stateRequests = makeStateRequests<RoomConnection>()
  /** Counts changes to the document, so a repeated state request can be recognised. */
  private version = 0
  private failed = false

  constructor(private readonly options: RoomOptions) {
    this.name = options.name
    this.doc = options.doc
    this.commits = makeRoomCommits({
      name: options.name,
      stored: options.stored,
      commit: options.commit,
      relays: options.relays,
      connections: this.connections,
      share: options.share,
      onCommitted: () => options.onCommitted(this),
      onFailed: (error) => this.fail(error),
    })
    this.presence = new RoomPresence(this.doc, {
      connections: this.connections,
      send: sendShared,
      schedule: (task) => options.relays.schedule(task),
      share: options.share,
    })
    this.writes = makeRoomWrites({
      doc: this.doc,
      limits: options.documentLimits ?? DocumentLimits,
      checks: options.checks,
      logger: options.logger,
      storedBytes: options.stored.snapshotBytes + options.stored.bytes,
      changed: (update, sender) => {
        this.version += 1
        this.commits.persistAndRelay(update, sender)
      },
      drop: (connection) => this.close(connection),
      reject: (connection, error) => this.reject(connection, error),
    })
  }

  get size(): number {
    return this.connections.size
  }

  get lastUpdateId(): number {
    return this.commits.log.lastUpdateId
  }

  get updatesSinceSnapshot(): number {
    return this.commits.log.updates
  }

  get bytesSinceSnapshot(): number {
    return this.commits.log.bytes
  }

  get snapshotBytes(): number {
    return this.commits.log.snapshotBytes
  }

  /** The shared log holds entries up to `lastUpdateId`, all applied here (a resync). */
  caughtUp(lastUpdateId: number): void {
    this.commits.caughtUp(lastUpdateId)
  }

  /** A snapshot now folds `updates` of the counted entries (`bytes` of them). */
  compacted(fold: { updates: number; bytes: number; snapshotBytes: number }): void {
    this.commits.compacted(fold)
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
          this.writes.receive(connection, message.update)
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
    this.writes.leave(connection)
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
        this.commits.relay(update, null)
        this.writes.docChanged()
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
    for (const update of updates) this.commits.persistAndRelay(update, null)
    this.version += 1
    this.writes.docChanged()
    await this.whenPersisted()
  }

  /** Resolves when every update applied so far is committed (and relayed). */
  whenPersisted(): Promise<void> {
    return this.commits.whenPersisted()
  }

  /** Closes every connection (shutdown, failure) and stops observing. */
  closeAll(code: number, reason: string): void {
    this.closeWhere(() => true, code, reason)
  }

  /** Sends a frame the server made (not a document update) to every connection here. */
  tellAll(frame: Uint8Array): void {
    const frames = [frame]
    for (const connection of this.connections) sendShared(connection, frames)
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
    this.writes.destroy()
    this.presence.destroy()
    this.doc.destroy()
  }

  /**
   * Answers a request for state once it is all committed (see state-requests.ts). A commit
   * holds every request that came while it was written, and they were all answered in the
   * microtasks that followed it: one encoding each, in a storm ~60 ms in one turn. The
   * answers go with the relay scheduler instead; one it puts off to a later turn is still
   * sent only if nothing was applied meanwhile, else after the next commit, at once.
   */
  private async answerSyncStep1(
    connection: RoomConnection,
    stateVector: Uint8Array,
  ): Promise<void> {
    const vector = this.stateRequests.begin(connection, this.version, stateVector)
    if (vector === null) return
    await this.whenPersisted()
    const committed = this.version
    this.options.relays.schedule(() => {
      if (this.version === committed) this.sendState(connection, stateVector, vector)
      else void this.whenPersisted().then(() => this.sendState(connection, stateVector, vector))
    })
  }

  private sendState(connection: RoomConnection, stateVector: Uint8Array, vector: string): void {
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

  private applyAwareness(connection: RoomConnection, update: Uint8Array): void {
    if (update.byteLength > this.options.limits.maxAwarenessBytes) {
      connection.logger.warn('awareness state too large', { bytes: update.byteLength })
      connection.close(CloseCode.MessageTooLarge, 'awareness state too large')
      this.close(connection)
      return
    }
    this.presence.apply(connection, update)
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
      this.writes.leave(connection)
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
