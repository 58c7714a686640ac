import * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol/close-codes.ts'
import type { DocumentLimits } from '../../shared/protocol/document-limits.ts'
import type { Logger } from '../log.ts'
import { makeHeldUpdates } from './held-updates.ts'
import { makeUpdateGate, type Touch } from './update-gate.ts'

export interface UpdateIntakeOptions<C> {
  doc: Y.Doc
  limits: DocumentLimits
  logger: Logger
  /**
   * What the room's stored state weighs (snapshot and log since): the size estimate starts
   * there instead of encoding the whole document on its first update.
   */
  storedBytes: number
  /** Applies, stores and relays an update the gate let through; its size in the document. */
  apply(connection: C, update: Uint8Array, touches: readonly Touch[]): void
  /** Closes a sender whose update was refused (nothing of it was applied). */
  refuse(connection: C, code: CloseCode, reason: string): void
}

/**
 * Every member update passes here before it touches the room's document: the update gate
 * (dependencies present, values of the right kind, no deletions of unknown content), the
 * hold-back queue for updates that arrive before what they build on, and the document
 * size limit. Narrow interface: receive, changed, leave, destroy.
 */
export function makeUpdateIntake<C>(options: UpdateIntakeOptions<C>) {
  const { doc, limits, logger } = options
  const inspect = makeUpdateGate(doc)
  const held = makeHeldUpdates<C>(limits)
  /** The document's encoded size when last measured, plus what was accepted since. */
  let estimatedBytes = options.storedBytes
  let sinceMeasured = 0
  let expiryTimer: NodeJS.Timeout | null = null

  function receive(connection: C, update: Uint8Array): void {
    if (admit(connection, update)) changed()
  }

  /** Applies, holds back or refuses one update; true when it was applied. */
  function admit(connection: C, update: Uint8Array): boolean {
    const verdict = inspect(update)
    if (verdict.kind === 'refuse') {
      options.refuse(connection, CloseCode.UpdateRefused, verdict.reason)
      return false
    }
    if (verdict.kind === 'wait') {
      if (held.hold(connection, update, verdict.missing)) scheduleExpiry()
      else {
        held.drop(connection)
        options.refuse(connection, CloseCode.UpdatesOutOfOrder, 'too many updates out of order')
      }
      return false
    }
    if (!fits(update.byteLength)) {
      options.refuse(connection, CloseCode.DocumentFull, 'the workspace is full')
      return false
    }
    estimatedBytes += update.byteLength
    sinceMeasured += update.byteLength
    options.apply(connection, update, verdict.touches)
    return true
  }

  /** The document grew (from anyone): held updates whose wait is over go through. */
  function changed(): void {
    const state = (client: number) => Y.getState(doc.store, client)
    for (let ready = held.takeReady(state); ready.length > 0; ready = held.takeReady(state)) {
      for (const entry of ready) admit(entry.connection, entry.update)
    }
  }

  /**
   * Whether an update of this size keeps the document under its limit. The estimate only
   * grows (deletions are not subtracted), so it is measured again, by encoding the
   * document, before it refuses and after every eighth of the limit accepted.
   */
  function fits(bytes: number): boolean {
    if (sinceMeasured > limits.maxDocumentBytes / 8) measure()
    if (estimatedBytes + bytes <= limits.maxDocumentBytes) return true
    measure()
    return estimatedBytes + bytes <= limits.maxDocumentBytes
  }

  function measure(): void {
    estimatedBytes = Y.encodeStateAsUpdate(doc).byteLength
    sinceMeasured = 0
  }

  function scheduleExpiry(): void {
    if (expiryTimer) return
    const at = held.nextExpiry()
    if (at === null) return
    expiryTimer = setTimeout(
      () => {
        expiryTimer = null
        for (const connection of held.takeExpired()) {
          logger.warn('an update waited too long for what it builds on')
          options.refuse(connection, CloseCode.UpdatesOutOfOrder, 'updates out of order')
        }
        scheduleExpiry()
      },
      Math.max(0, at - Date.now()),
    )
    expiryTimer.unref()
  }

  function leave(connection: C): void {
    held.drop(connection)
  }

  function destroy(): void {
    if (expiryTimer) clearTimeout(expiryTimer)
    expiryTimer = null
  }

  /**
   * Whether an update changes nothing the room has: every struct known, every deletion
   * done. A viewer's page sends its local copy when it loaded late; that is no write.
   */
  function bringsNothing(update: Uint8Array): boolean {
    const verdict = inspect(update)
    return verdict.kind === 'accept' && verdict.touches.length === 0
  }

  return { receive, changed, leave, destroy, bringsNothing, heldCount: held.size }
}
