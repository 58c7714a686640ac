import type { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import * as ws from 'ws'
import { binaryFrame, makeSharedFrames } from '../../../server/relay/wire-frames.ts'

/** ws's frame parser: exported by ws, not declared by @types/ws. */
type ReceiverClass = new (options: { isServer: boolean; maxPayload: number }) => Writable
const { Receiver } = ws as unknown as { Receiver: ReceiverClass }

/** What a WebSocket client reads from these bytes (ws's own parser, as a client runs it). */
function readAsClient(bytes: Buffer): Promise<{ data: Buffer; isBinary: boolean }> {
  return new Promise((resolve, reject) => {
    const receiver = new Receiver({ isServer: false, maxPayload: 0 })
    receiver.on('message', (data: Buffer, isBinary: boolean) => resolve({ data, isBinary }))
    receiver.on('error', reject)
    receiver.write(bytes)
  })
}

const message = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 7) % 256)

describe('binaryFrame', () => {
  // Each length at an edge of the three header sizes (RFC 6455 §5.2).
  it.each([0, 1, 125, 126, 65_535, 65_536, 70_000])(
    'frames %i bytes as one binary message a client reads back whole',
    async (length) => {
      const sent = message(length)
      const read = await readAsClient(binaryFrame(sent))
      expect(read.isBinary).toBe(true)
      expect(Buffer.compare(read.data, Buffer.from(sent))).toBe(0)
    },
  )

  it('frames a view into a larger buffer as the view alone', async () => {
    const whole = message(300)
    const view = whole.subarray(100, 150)
    const read = await readAsClient(binaryFrame(view))
    expect(new Uint8Array(read.data)).toEqual(view)
  })
})

describe('makeSharedFrames', () => {
  it('builds a message’s frame once, however many connections it is sent to', () => {
    const { frameOf } = makeSharedFrames()
    const shared = message(40)
    const first = frameOf(shared)
    expect(frameOf(shared)).toBe(first)
    // Another message with the same bytes is another message.
    expect(frameOf(message(40))).not.toBe(first)
    expect(frameOf(message(40))).toEqual(first)
  })
})
