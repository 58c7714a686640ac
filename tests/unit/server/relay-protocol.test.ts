import { describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import {
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MalformedMessage,
  parseMessage,
} from '../../../server/relay/protocol.ts'
import { makeTokenBucket } from '../../../server/relay/rate-limit.ts'

describe('relay protocol', () => {
  it('round-trips the frames the relay sends', () => {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'hej')
    const step1 = parseMessage(encodeSyncStep1(doc))
    expect(step1).toEqual({ type: 'sync-step-1', stateVector: Y.encodeStateVector(doc) })
    const update = Y.encodeStateAsUpdate(doc)
    expect(parseMessage(encodeUpdate(update))).toEqual({ type: 'sync-update', update })
    expect(parseMessage(encodeAwareness(new Uint8Array([1, 2])))).toEqual({
      type: 'awareness',
      update: new Uint8Array([1, 2]),
    })
    expect(parseMessage(new Uint8Array([3]))).toEqual({ type: 'query-awareness' })
  })

  // Lengths around each varint boundary: the frames are written without lib0's Encoder.
  it.each([0, 1, 127, 128, 16_383, 16_384])(
    'frames a %i-byte payload byte for byte as y-protocols does',
    (length) => {
      const payload = Uint8Array.from({ length }, (_, i) => i % 251)
      const asYProtocols = (write: (encoder: encoding.Encoder) => void) => {
        const encoder = encoding.createEncoder()
        write(encoder)
        return encoding.toUint8Array(encoder)
      }
      expect(encodeUpdate(payload)).toEqual(
        asYProtocols((e) => {
          encoding.writeVarUint(e, 0)
          syncProtocol.writeUpdate(e, payload)
        }),
      )
      expect(encodeSyncStep2(payload)).toEqual(
        asYProtocols((e) => {
          encoding.writeVarUint(e, 0)
          encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2)
          encoding.writeVarUint8Array(e, payload)
        }),
      )
      expect(encodeAwareness(payload)).toEqual(
        asYProtocols((e) => {
          encoding.writeVarUint(e, 1)
          encoding.writeVarUint8Array(e, payload)
        }),
      )
    },
  )

  it('frames sync step 1 as y-protocols does', () => {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'hej')
    const expected = encoding.createEncoder()
    encoding.writeVarUint(expected, 0)
    syncProtocol.writeSyncStep1(expected, doc)
    expect(encodeSyncStep1(doc)).toEqual(encoding.toUint8Array(expected))
  })

  it.each([
    ['empty frame', []],
    ['truncated varint', [0x80]],
    ['unknown type', [0x09]],
    ['unknown sync step', [0x00, 0x05, 0x00]],
    ['length past the end', [0x00, 0x00, 0x10, 0x01]],
  ])('rejects %s', (_label, bytes) => {
    expect(() => parseMessage(new Uint8Array(bytes))).toThrow(MalformedMessage)
  })
})

describe('token bucket', () => {
  it('allows the burst, then the sustained rate', () => {
    let now = 0
    const take = makeTokenBucket(10, 5, () => now)
    expect(Array.from({ length: 6 }, () => take())).toEqual([true, true, true, true, true, false])
    now += 100 // one token back at 10/s
    expect(take()).toBe(true)
    expect(take()).toBe(false)
    now += 10_000 // never more than the burst
    expect(Array.from({ length: 6 }, () => take()).filter(Boolean)).toHaveLength(5)
  })
})
