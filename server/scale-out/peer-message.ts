import { PEER_NODE_ID_BYTES, PeerKind } from '../../shared/protocol/peer.ts'

export interface PeerMessage {
  readonly kind: PeerKind
  readonly payload: Uint8Array
}

const HEADER_BYTES = 1 + PEER_NODE_ID_BYTES
const KINDS: ReadonlySet<number> = new Set(Object.values(PeerKind))

export function encodePeerMessage(nodeId: Uint8Array, message: PeerMessage): Buffer {
  const frame = Buffer.allocUnsafe(HEADER_BYTES + message.payload.byteLength)
  frame[0] = message.kind
  frame.set(nodeId, 1)
  frame.set(message.payload, HEADER_BYTES)
  return frame
}

/** A message as another node sent it, or why it cannot be one. */
export type DecodedPeerMessage =
  { ok: true; sender: Uint8Array; message: PeerMessage } | { ok: false; reason: string }

export function decodePeerMessage(frame: Uint8Array): DecodedPeerMessage {
  if (frame.byteLength < HEADER_BYTES) return { ok: false, reason: 'shorter than its header' }
  const kind = frame[0] as number
  if (!KINDS.has(kind)) return { ok: false, reason: `unknown kind ${kind}` }
  return {
    ok: true,
    sender: frame.subarray(1, HEADER_BYTES),
    message: { kind: kind as PeerKind, payload: frame.subarray(HEADER_BYTES) },
  }
}
