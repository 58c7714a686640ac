import * as awarenessProtocol from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { MAX_CLIENT_IDS_PER_CONNECTION } from '../../shared/protocol/limits.ts'
import { PeerKind } from '../../shared/protocol/peer.ts'
import { stampPresence } from '../../shared/workspace/presence.ts'
import type { PeerMessage } from '../scale-out/peer-message.ts'
import {
  decodeAwarenessEntries,
  encodeAwarenessEntries,
  type AwarenessEntry,
} from './awareness-entries.ts'
import { encodeAwareness, MalformedMessage } from './protocol.ts'
import type { RoomConnection } from './room.ts'

export interface RoomPresenceOptions {
  /** The room's connections, live: a change goes to whoever is here when it leaves. */
  connections: ReadonlySet<RoomConnection>
  /** Sends frames that several connections are sent alike (RoomConnection.sendShared). */
  send(connection: RoomConnection, frames: readonly Uint8Array[]): void
  /** Runs the relay of changes later in this turn or in a later one (relay-scheduler.ts). */
  schedule(task: () => void): void
  /** Tells the other server nodes (scale-out). */
  share?(message: PeerMessage): void
}

/** The origin of awareness changes heard from another server node. */
const PEER = Symbol('peer')

/**
 * A room's awareness (who is here, what each one is editing). The server stamps identity:
 * a connection publishes only its own client ids (at most MAX_CLIENT_IDS_PER_CONNECTION),
 * and each state it publishes carries the name, organisation, function, role and
 * participant id of its session, whatever the client claimed. Its ids vanish when it
 * closes, and only what changed is relayed.
 */
export class RoomPresence {
  readonly awareness: awarenessProtocol.Awareness
  /** The client ids each connection publishes, and who publishes each id. */
  private readonly clientIds = new Map<RoomConnection, Set<number>>()
  private readonly owners = new Map<number, RoomConnection>()
  /** Client ids changed since the last relay, each with where its last change came from. */
  private changed = new Map<number, unknown>()
  private destroyed = false

  constructor(
    doc: Y.Doc,
    private readonly options: RoomPresenceOptions,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc)
    this.awareness.setLocalState(null) // the server itself is nobody
    this.awareness.on('update', this.onUpdate)
  }

  /** A new connection gets everyone present. */
  welcome(connection: RoomConnection): void {
    this.clientIds.set(connection, new Set())
    if (this.awareness.getStates().size > 0) this.sendAll(connection)
  }

  sendAll(connection: RoomConnection): void {
    const ids = [...this.awareness.getStates().keys()]
    connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)))
  }

  /**
   * Applies what a connection published, entry by entry: another member's entries are
   * dropped without a word (y-websocket clients send back every entry they receive, so
   * they are mostly echoes), its own are stamped with its session's identity. Throws
   * MalformedMessage for an unreadable update and for more ids than a connection may own.
   */
  apply(connection: RoomConnection, update: Uint8Array): void {
    const own = this.clientIds.get(connection)
    if (!own) return // closed meanwhile
    const accepted: AwarenessEntry[] = []
    const claimed = new Set<number>()
    for (const entry of decodeAwarenessEntries(update)) {
      // Stale entries change nothing; the echoes of a member who just left are among them.
      if (!this.isNews(entry)) continue
      const owner = this.owners.get(entry.clientId)
      if (owner !== connection) {
        if (entry.state === null) continue // only an id's owner may remove it
        if (owner ? owner.sessionId !== connection.sessionId : this.isPresent(entry.clientId))
          continue // another member's (here or on another node)
        // A free id, or one the same session's earlier socket holds (a reconnect whose old
        // socket has not closed yet): it becomes this connection's.
        claimed.add(entry.clientId)
      }
      accepted.push(entry)
    }
    if (own.size + claimed.size > MAX_CLIENT_IDS_PER_CONNECTION) {
      throw new MalformedMessage(
        `more than ${MAX_CLIENT_IDS_PER_CONNECTION} awareness client ids on one connection`,
      )
    }
    if (accepted.length === 0) return
    for (const id of claimed) this.own(connection, id)
    const identity = {
      participantId: connection.participant.id,
      name: connection.participant.displayName,
      organisationId: connection.participant.organisationId,
      function: connection.participant.function,
      role: connection.participant.role,
    }
    const stamped = accepted.map((entry) =>
      entry.state === null ? entry : { ...entry, state: stampPresence(entry.state, identity) },
    )
    // What changed is relayed by onUpdate.
    awarenessProtocol.applyAwarenessUpdate(
      this.awareness,
      encodeAwarenessEntries(stamped),
      connection,
    )
  }

  fromPeer(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, PEER)
  }

  /**
   * The connections closed: the clients they announced are gone, in one change (a room
   * closing all its members at once tells the rest, and the other nodes, one update).
   */
  leave(...connections: RoomConnection[]): void {
    const gone: number[] = []
    for (const connection of connections) {
      const ids = this.clientIds.get(connection)
      this.clientIds.delete(connection)
      for (const id of ids ?? []) {
        this.owners.delete(id)
        gone.push(id)
      }
    }
    if (gone.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, gone, null)
  }

  destroy(): void {
    this.destroyed = true
    this.awareness.off('update', this.onUpdate)
    this.awareness.destroy()
  }

  /** Whether applying the entry would change anything (y-protocols' own rule). */
  private isNews(entry: AwarenessEntry): boolean {
    const known = this.awareness.meta.get(entry.clientId)
    if (!known) return true
    if (entry.clock > known.clock) return true
    return entry.clock === known.clock && entry.state === null && this.isPresent(entry.clientId)
  }

  private isPresent(clientId: number): boolean {
    return this.awareness.getStates().has(clientId)
  }

  private own(connection: RoomConnection, clientId: number): void {
    const previous = this.owners.get(clientId)
    if (previous) this.clientIds.get(previous)?.delete(clientId)
    this.owners.set(clientId, connection)
    this.clientIds.get(connection)?.add(clientId)
  }

  /**
   * Relays only the entries that changed here. y-websocket clients send back every remote
   * change they receive; relaying frames as received would turn each change into one echo
   * per member, each sent to every member (N² frames per cursor move). The changes wait for
   * the relay scheduler and leave together: in a reconnect storm a room's members announce
   * themselves in the same few turns, and one frame per member for all of them replaces one
   * per change (sent within the scheduler's slice, so a poll phase that read hundreds of
   * announcements does not also write them all: `npm run bench:storm`).
   */
  private readonly onUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const first = this.changed.size === 0
    for (const ids of [change.added, change.updated, change.removed]) {
      for (const id of ids) this.changed.set(id, origin)
    }
    if (first && this.changed.size > 0) this.options.schedule(this.relayChanges)
  }

  private readonly relayChanges = (): void => {
    const changed = this.changed
    this.changed = new Map()
    if (this.destroyed) return
    const ids = [...changed.keys()]
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)
    const frame = encodeAwareness(update)
    // Who sent a change is not sent it back; the others get one frame with every change.
    const senders = new Set(changed.values())
    for (const connection of this.options.connections) {
      if (!senders.has(connection)) {
        this.options.send(connection, [frame])
        continue
      }
      const theirs = ids.filter((id) => changed.get(id) !== connection)
      if (theirs.length > 0) connection.send(this.encode(theirs))
    }
    if (!this.options.share) return
    const local = ids.filter((id) => changed.get(id) !== PEER)
    if (local.length === 0) return
    // Mostly every change is this node's: the update the members got, not encoded again.
    const payload =
      local.length === ids.length
        ? update
        : awarenessProtocol.encodeAwarenessUpdate(this.awareness, local)
    this.options.share({ kind: PeerKind.Awareness, payload })
  }

  private encode(ids: number[]): Uint8Array {
    return encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids))
  }
}
