import type * as Y from 'yjs'
import type { ParticipantSummary } from '../../shared/api.ts'
import type { DocumentLimits } from '../../shared/protocol/document-limits.ts'
import type { RelayLimits } from '../../shared/protocol/limits.ts'
import type { Role } from '../../shared/roles.ts'
import type { Logger } from '../log.ts'
import type { PeerMessage } from '../scale-out/peer-message.ts'
import type { GroupCommit } from '../storage/group-commit.ts'
import type { RelayScheduler } from './relay-scheduler.ts'
import type { Room } from './room.ts'

/** One WebSocket as a room sees it. */
export interface RoomConnection {
  /** The session it was opened with: leaving the group ends its connections. */
  readonly sessionId: string
  readonly role: Role
  /** Who opened it, from the session (never from what the client claims). */
  readonly participant: ParticipantSummary
  readonly logger: Logger
  send(frame: Uint8Array): void
  /**
   * Frames sent alike to many connections (a relayed batch, a presence change), in one
   * socket write: the connection may prepare each once for all of them (the same array
   * objects reach every receiver). One send each when absent.
   */
  sendShared?(frames: readonly Uint8Array[]): void
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

/** The relay's checks of member updates (always on but in the bench's references). */
export interface RelayChecks {
  /** The update gate: hold-back, schema, deletions of unknown content, size. */
  updateGate: boolean
  /** The write policy by role, locks and sealed rounds (needs the gate's touches). */
  writePolicy: boolean
}

export interface RoomOptions {
  name: string
  /** The loaded document; the room owns it from here on. */
  doc: Y.Doc
  stored: StoredLogCounts
  commit: GroupCommit
  /** Paces the relay of committed updates across the server's rooms (relay-scheduler.ts). */
  relays: RelayScheduler
  limits: RelayLimits
  /** What the document may hold and the gate may hold back (defaults: shared/protocol). */
  documentLimits?: DocumentLimits
  /** Defaults to every check on. */
  checks?: RelayChecks
  logger: Logger
  /** Called after each committed update, so the owner can schedule compaction. */
  onCommitted(room: Room): void
  /** The log could not be written: the room must be dropped and reloaded. */
  onFailed(room: Room, error: unknown): void
  /** Tells the other server nodes what this one accepted (scale-out); absent on one node. */
  share?(message: PeerMessage): void
}
