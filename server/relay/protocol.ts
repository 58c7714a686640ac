import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { MessageType, SyncStep } from '../../shared/protocol/messages.ts'

/** Thrown for frames that are not valid y-websocket messages. */
export class MalformedMessage extends Error {}

export type IncomingMessage =
  | { type: 'sync-step-1'; stateVector: Uint8Array }
  | { type: 'sync-update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }
  | { type: 'auth' }

/** Parses one frame. Throws MalformedMessage for truncated varints and unknown types. */
export function parseMessage(frame: Uint8Array): IncomingMessage {
  try {
    const decoder = decoding.createDecoder(frame)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MessageType.Sync: {
        const step = decoding.readVarUint(decoder)
        const payload = decoding.readVarUint8Array(decoder)
        if (step === SyncStep.Step1) return { type: 'sync-step-1', stateVector: payload }
        if (step === SyncStep.Step2 || step === SyncStep.Update)
          return { type: 'sync-update', update: payload }
        break
      }
      case MessageType.Awareness:
        return { type: 'awareness', update: decoding.readVarUint8Array(decoder) }
      case MessageType.QueryAwareness:
        return { type: 'query-awareness' }
      case MessageType.Auth:
        return { type: 'auth' }
    }
  } catch (error) {
    throw new MalformedMessage(error instanceof Error ? error.message : 'unreadable frame')
  }
  throw new MalformedMessage('unknown message type')
}

const frame = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

export const encodeSyncStep1 = (doc: Y.Doc): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.Sync)
    encoding.writeVarUint(e, SyncStep.Step1)
    encoding.writeVarUint8Array(e, Y.encodeStateVector(doc))
  })

export const encodeSyncStep2 = (update: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.Sync)
    encoding.writeVarUint(e, SyncStep.Step2)
    encoding.writeVarUint8Array(e, update)
  })

export const encodeUpdate = (update: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.Sync)
    encoding.writeVarUint(e, SyncStep.Update)
    encoding.writeVarUint8Array(e, update)
  })

export const encodeAwareness = (update: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.Awareness)
    encoding.writeVarUint8Array(e, update)
  })

/** An awareness update about nobody: a client reads it and changes nothing (keepalive). */
export const QUIET_MESSAGE: Uint8Array = encodeAwareness(new Uint8Array([0]))

/** y-protocols/auth "permission denied" (auth sub-type 0) with a reason. */
export const encodePermissionDenied = (reason: string): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.Auth)
    encoding.writeVarUint(e, 0)
    encoding.writeVarString(e, reason)
  })
