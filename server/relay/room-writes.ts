import type * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol/close-codes.ts'
import type { DocumentLimits } from '../../shared/protocol/document-limits.ts'
import { canWrite } from '../../shared/roles.ts'
import { WriteRefusal } from '../../shared/workspace/write-policy.ts'
import type { Logger } from '../log.ts'
import { encodePermissionDenied, MalformedMessage } from './protocol.ts'
import { applyReceivedUpdate, UpdateFailed } from './received-update.ts'
import type { RelayChecks, RoomConnection } from './room-types.ts'
import type { Touch } from './update-gate.ts'
import { makeUpdateIntake } from './update-intake.ts'
import { writeRefusal } from './write-check.ts'

/** WebSocket close reasons are at most 123 bytes. */
const MAX_CLOSE_REASON = 100

export interface RoomWritesOptions {
  doc: Y.Doc
  limits: DocumentLimits
  /** Defaults to every check on. */
  checks?: RelayChecks | undefined
  logger: Logger
  /** Bytes of the room's stored state when it loaded (the gate's size estimate starts there). */
  storedBytes: number
  /** The update changed the document (all of it, or the part applied before it failed). */
  changed(update: Uint8Array, sender: RoomConnection): void
  /** Takes a connection out of the room; the caller closes its socket. */
  drop(connection: RoomConnection): void
  /** Closes a connection that sent something unreadable. */
  reject(connection: RoomConnection, error: MalformedMessage): void
}

/**
 * A room's document updates from its members: by role (a viewer's upload that brings
 * anything is refused), through the update gate (update-intake.ts) and the write policy,
 * then applied. What is refused closes its sender and changes nothing.
 */
export function makeRoomWrites(options: RoomWritesOptions) {
  const { doc, checks } = options
  const intake = makeUpdateIntake<RoomConnection>({
    doc,
    limits: options.limits,
    logger: options.logger,
    storedBytes: options.storedBytes,
    apply: applyAdmitted,
    refuse,
  })

  function receive(connection: RoomConnection, update: Uint8Array): void {
    if (!canWrite(connection.role)) {
      if (!intake.bringsNothing(update)) refuseWrite(connection, WriteRefusal.ReadOnly)
      return
    }
    if (checks?.updateGate === false) applyAdmitted(connection, update, [])
    else intake.receive(connection, update)
  }

  /**
   * A write the policy refuses: the sender is told why (an auth "permission denied" with
   * the refusal) and closed with WriteRefused, so its client throws away its local copy of
   * the change and reloads from the room; nothing of it was stored or relayed.
   */
  function refuseWrite(connection: RoomConnection, reason: WriteRefusal): void {
    connection.logger.info('refused a write', { reason })
    connection.send(encodePermissionDenied(reason))
    options.drop(connection)
    connection.close(CloseCode.WriteRefused, reason)
  }

  /** Applies an update the gate let through; stored and relayed if it was news. */
  function applyAdmitted(
    connection: RoomConnection,
    update: Uint8Array,
    touches: readonly Touch[],
  ): void {
    const writer = { role: connection.role, participantId: connection.participant.id }
    const refusal = checks?.writePolicy === false ? null : writeRefusal(doc, writer, touches)
    if (refusal) {
      refuseWrite(connection, refusal)
      return
    }
    let news: boolean
    try {
      news = applyReceivedUpdate(doc, update, connection)
    } catch (error) {
      // What it changed before failing is kept (and attributed to its sender), so the log,
      // the doc and the members agree.
      if (error instanceof UpdateFailed && error.partial) options.changed(error.partial, connection)
      const reason = error instanceof Error ? error.message : String(error)
      options.reject(connection, new MalformedMessage(`invalid update: ${reason}`))
      return
    }
    if (news) options.changed(update, connection)
  }

  /** An update the gate refused: nothing of it was applied; its sender is closed. */
  function refuse(connection: RoomConnection, code: CloseCode, reason: string): void {
    connection.logger.warn('refused an update', { reason, code })
    options.drop(connection)
    connection.close(code, reason.slice(0, MAX_CLOSE_REASON))
  }

  return {
    receive,
    /** The connection left: what the gate held back for it is dropped. */
    leave: intake.leave,
    /** The document changed otherwise (the server, another node): the gate rechecks. */
    docChanged: intake.changed,
    destroy: intake.destroy,
  }
}

export type RoomWrites = ReturnType<typeof makeRoomWrites>
