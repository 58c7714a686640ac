import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { makePeerSeal } from '../../../server/scale-out/peer-seal.ts'
import { PEER_KEY_BYTES } from '../../../shared/protocol/peer.ts'

const key = randomBytes(PEER_KEY_BYTES)
const channel = 'modellrummet:room:g-1'
const frame = Buffer.from('[kind][node id] text a listener must not read')

describe('sealed peer messages', () => {
  it('open to the frame that was sealed, for the same key and channel', () => {
    const seal = makePeerSeal(key)
    expect(seal.open(channel, seal.seal(channel, frame))?.equals(frame)).toBe(true)
  })

  it('hide the frame, and differ each time the same frame is sealed', () => {
    const seal = makePeerSeal(key)
    const [first, second] = [seal.seal(channel, frame), seal.seal(channel, frame)]
    expect(first.includes(Buffer.from('must not read'))).toBe(false)
    expect(first.equals(second)).toBe(false)
  })

  it('refuse another key, another channel, a changed byte and a truncated message', () => {
    const sealed = makePeerSeal(key).seal(channel, frame)
    const seal = makePeerSeal(key)
    expect(makePeerSeal(randomBytes(PEER_KEY_BYTES)).open(channel, sealed)).toBeNull()
    expect(seal.open('modellrummet:room:g-2', sealed)).toBeNull()
    for (const at of [0, 12, 28, sealed.length - 1]) {
      const changed = Buffer.from(sealed)
      changed[at] = (changed[at] as number) ^ 1
      expect(seal.open(channel, changed), `byte ${at}`).toBeNull()
    }
    expect(seal.open(channel, sealed.subarray(0, 20))).toBeNull()
    expect(seal.open(channel, sealed.subarray(0, sealed.length - 1))).toBeNull()
    expect(seal.open(channel, frame)).toBeNull() // an unsealed frame
  })

  it('cannot be made with a key of the wrong length', () => {
    expect(() => makePeerSeal(randomBytes(16))).toThrow(/32 bytes/)
  })
})
