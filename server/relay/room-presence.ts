import * as awarenessProtocol from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { PeerKind } from '../../shared/protocol/peer.ts'
import type { PeerMessage } from '../scale-out/peer-message.ts'
import { encodeAwareness, MalformedMessage } from './protocol.ts'
import type { RoomConnection } from './room.ts'

export interface RoomPresenceOptions {
  /** Sends a frame to every connection of the room but `except`. */
  broadcast(frame: Uint8Array, except: RoomConnection | null): void
  /** Tells the other server nodes (scale-out). */
  share?(message: PeerMessage): void
}

/** The origin of awareness changes heard from another server node. */
const PEER = Symbol('peer')

/**
 * A room's awareness (who is here, what each one is editing): remembers which client ids
 * each connection announced, so they vanish when it closes, and relays only what changed.
 */
export class RoomPresence {
  readonly awareness: awarenessProtocol.Awareness
  private readonly clientIds = new Map<RoomConnection, Set<number>>()

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

  apply(connection: RoomConnection, update: Uint8Array): void {
    try {
      // What changed is relayed by onUpdate; stale entries change nothing.
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connection)
    } catch (error) {
      throw new MalformedMessage(
        `invalid awareness: ${error instanceof Error ? error.message : error}`,
      )
    }
  }

  fromPeer(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, PEER)
  }

  /** The connection closed: the clients it announced are gone. */
  leave(connection: RoomConnection): void {
    const ids = this.clientIds.get(connection)
    this.clientIds.delete(connection)
    if (ids && ids.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null)
  }

  destroy(): void {
    this.awareness.off('update', this.onUpdate)
    this.awareness.destroy()
  }

  /**
   * Relays only the entries that changed here. y-websocket clients send back every remote
   * change they receive; relaying frames as received would turn each change into one echo
   * per member, each sent to every member (N² frames per cursor move).
   */
  private readonly onUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const connection = origin as RoomConnection
    const ids = this.clientIds.get(connection)
    if (ids) {
      for (const id of change.added) ids.add(id)
      for (const id of change.removed) ids.delete(id)
    }
    const changed = [...change.added, ...change.updated, ...change.removed]
    if (changed.length === 0) return
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)
    this.options.broadcast(encodeAwareness(update), ids ? connection : null)
    if (origin !== PEER) this.options.share?.({ kind: PeerKind.Awareness, payload: update })
  }
}
