import { CloseCode } from '../../shared/protocol/close-codes.ts'
import { encodeGroupChanged, GroupPart, isGroupPart } from '../../shared/protocol/group-changed.ts'
import { PeerKind } from '../../shared/protocol/peer.ts'
import type { Logger } from '../log.ts'
import type { RoomBus } from '../scale-out/room-bus.ts'
import type { Room } from './room.ts'

/**
 * A session's connections close on this node and on the others (scale-out), since its
 * member may be connected to any of them. Ended (the participant left or was removed):
 * 4401, final. Changed (another role): a code the client answers by reconnecting, so the
 * new connections open with the role the session now has; frames the old ones still send
 * are not read, as a connection leaves the room before its socket closes.
 */
const sessionClosings = {
  [PeerKind.SessionEnded]: { code: CloseCode.SessionExpired, reason: 'session ended' },
  [PeerKind.SessionChanged]: { code: CloseCode.RoleChanged, reason: 'role changed' },
} as const
export type SessionClosing = keyof typeof sessionClosings

export interface RoomNoticesOptions {
  /** The room when it is loaded on this node. */
  loaded(name: string): Room | undefined
  bus?: RoomBus | undefined
  logger: Logger
}

/**
 * What the API tells a room's connections outside the document: a session ended or
 * changed role, the group's meetings or members changed. Each is told on this node and
 * published to the others, which tell theirs (`closeSessionHere`, `groupChangedHere`).
 */
export function makeRoomNotices({ loaded, bus, logger }: RoomNoticesOptions) {
  function closeSessionEverywhere(name: string, sessionId: string, kind: SessionClosing): void {
    bus?.publish(name, { kind, payload: new TextEncoder().encode(sessionId) })
    closeSessionHere(name, sessionId, kind)
  }

  function closeSessionHere(name: string, sessionId: string, kind: SessionClosing): void {
    const room = loaded(name)
    if (!room) return
    const { code, reason } = sessionClosings[kind]
    const closed = room.closeSession(sessionId, code, reason)
    // Each closed socket leaves the room as usual (ws-connection.ts), which starts its grace.
    if (closed > 0)
      logger.info('closed the connections of a session', { room: name, closed, reason })
  }

  /**
   * The group's meetings or members changed (an API call on this node): every open page
   * of the group, on this node and the others, is told to fetch that part again. A room
   * not loaded on a node has no page open there.
   */
  function groupChanged(name: string, part: GroupPart): void {
    bus?.publish(name, { kind: PeerKind.GroupChanged, payload: new TextEncoder().encode(part) })
    groupChangedHere(name, part)
  }

  function groupChangedHere(name: string, part: string): void {
    // A part a newer node names is not told to clients that could not read it either.
    if (!isGroupPart(part)) return
    loaded(name)?.tellAll(encodeGroupChanged(part))
  }

  /** After a bus outage a structure change told meanwhile is lost: pages fetch each part. */
  function everyPartChanged(room: Room): void {
    for (const part of Object.values(GroupPart)) room.tellAll(encodeGroupChanged(part))
  }

  return {
    endSession: (name: string, sessionId: string) =>
      closeSessionEverywhere(name, sessionId, PeerKind.SessionEnded),
    changeSession: (name: string, sessionId: string) =>
      closeSessionEverywhere(name, sessionId, PeerKind.SessionChanged),
    closeSessionHere,
    groupChanged,
    groupChangedHere,
    everyPartChanged,
  }
}

export type RoomNotices = ReturnType<typeof makeRoomNotices>
