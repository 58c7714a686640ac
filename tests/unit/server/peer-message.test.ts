import { describe, expect, it } from 'vitest'
import { decodePeerMessage, encodePeerMessage } from '../../../server/scale-out/peer-message.ts'
import { PEER_NODE_ID_BYTES, PeerKind } from '../../../shared/protocol/peer.ts'

const node = new Uint8Array(PEER_NODE_ID_BYTES).fill(42)

describe('peer messages between server nodes', () => {
  it('carry kind, sender and payload through encoding', () => {
    const payload = new Uint8Array([1, 2, 3, 250])
    const decoded = decodePeerMessage(encodePeerMessage(node, { kind: PeerKind.Update, payload }))
    if (!decoded.ok) throw new Error(decoded.reason)
    expect([...decoded.sender]).toEqual([...node])
    expect(decoded.message.kind).toBe(PeerKind.Update)
    expect([...decoded.message.payload]).toEqual([...payload])
  })

  it('allow an empty payload (a resync request)', () => {
    const frame = encodePeerMessage(node, { kind: PeerKind.Resync, payload: new Uint8Array(0) })
    const decoded = decodePeerMessage(frame)
    expect(decoded.ok && decoded.message.payload.byteLength).toBe(0)
  })

  it('are refused with a reason when shorter than the header or of an unknown kind', () => {
    expect(decodePeerMessage(new Uint8Array([PeerKind.Update, 1, 2]))).toEqual({
      ok: false,
      reason: 'shorter than its header',
    })
    const unknown = encodePeerMessage(node, { kind: PeerKind.Update, payload: new Uint8Array(1) })
    unknown[0] = 77
    expect(decodePeerMessage(unknown)).toEqual({ ok: false, reason: 'unknown kind 77' })
  })
})
