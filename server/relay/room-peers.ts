import { PeerKind } from '../../shared/protocol/peer.ts'
import type { Logger } from '../log.ts'
import type { PeerMessage } from '../scale-out/peer-message.ts'
import type { RoomBus } from '../scale-out/room-bus.ts'
import type { DocStore } from '../storage/doc-store.ts'
import type { RoomNotices } from './room-notices.ts'
import type { Room } from './room.ts'

export interface RoomPeersOptions {
  store: DocStore
  /** The other server nodes (scale-out, REDIS_URL); absent when this node is alone. */
  bus: RoomBus | undefined
  notices: RoomNotices
  /** The room when it is loaded on this node. */
  loaded(name: string): Room | undefined
  /** Every room loaded on this node. */
  everyLoaded(): Room[]
  logger: Logger
}

/** What a loading room heard from the other nodes: handed to the room once it is ready. */
export interface PeerInbox {
  ready(room: Room): void
}

/**
 * A room's traffic with the other server nodes (scale-out): what they accepted reaches the
 * room loaded here, and what the bus lost is read back from the shared log.
 */
export function makeRoomPeers(options: RoomPeersOptions) {
  const { store, bus, notices, logger } = options

  /**
   * Listens to the room's messages before its stored state is read, so an update
   * committed elsewhere after the read still arrives; one both read and heard is applied
   * once (Yjs skips what it has). Until the room is ready they wait in the inbox.
   */
  async function listen(name: string): Promise<PeerInbox> {
    let ready: Room | null = null
    const early: PeerMessage[] = []
    await bus?.subscribe(name, (message) => {
      if (message.kind === PeerKind.Resync) resyncLogged(ready)
      else if (message.kind === PeerKind.SessionEnded || message.kind === PeerKind.SessionChanged)
        notices.closeSessionHere(name, new TextDecoder().decode(message.payload), message.kind)
      else if (message.kind === PeerKind.GroupChanged)
        notices.groupChangedHere(name, new TextDecoder().decode(message.payload))
      else if (ready) deliver(ready, message)
      else early.push(message)
    })
    return {
      ready(room) {
        ready = room
        for (const message of early.splice(0)) deliver(room, message)
      },
    }
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
    if (!bus) return
    const stored = await store.load(room.name)
    if (options.loaded(room.name) !== room) return // unloaded or failed meanwhile
    if (stored.snapshot) room.applyStored(stored.snapshot)
    for (const update of stored.updates) room.applyStored(update)
    room.caughtUp(stored.lastUpdateId)
  }

  function resyncLogged(room: Room | null): void {
    if (!room) return // still loading: the load reads the log anyway
    resync(room).catch((error: unknown) =>
      logger.error('could not resync a room', { room: room.name, error }),
    )
  }

  /** After a bus outage: catch up here, and ask the other nodes to catch up with us. */
  function resyncAll(): void {
    for (const room of options.everyLoaded()) {
      resyncLogged(room)
      bus?.publish(room.name, { kind: PeerKind.Resync, payload: new Uint8Array(0) })
      notices.everyPartChanged(room)
    }
  }
  bus?.onReconnected(resyncAll)

  return { listen, resync, unlisten: (name: string) => bus?.unsubscribe(name) }
}
