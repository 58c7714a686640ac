/**
 * A message as one final, unmasked binary WebSocket frame (RFC 6455 §5.2), the bytes a
 * server writes to the socket: the same for every receiver, so it is built once for all.
 */
export function binaryFrame(message: Uint8Array): Buffer {
  const length = message.byteLength
  const header = length < 126 ? 2 : length < 0x10000 ? 4 : 10
  const frame = Buffer.allocUnsafe(header + length)
  frame[0] = 0x82 // FIN, opcode 2: binary
  if (header === 2) frame[1] = length
  else if (header === 4) {
    frame[1] = 126
    frame.writeUInt16BE(length, 2)
  } else {
    frame[1] = 127
    frame.writeBigUInt64BE(BigInt(length), 2)
  }
  frame.set(message, header)
  return frame
}

/** The part of a TCP socket the shared frames are written to. */
interface FrameSink {
  cork(): void
  uncork(): void
  write(chunk: Buffer): unknown
}

/**
 * The frames of messages sent alike to many connections (a relayed batch, a presence
 * change), each built on its first send and kept as long as the message is. Writing the
 * built frame to each socket instead of `ws`'s send (a header per receiver, two writes in
 * a cork) took a send from ~5.3 to ~3 µs (200 sockets, a 60-byte message).
 */
export function makeSharedFrames() {
  const built = new WeakMap<Uint8Array, Buffer>()

  function frameOf(message: Uint8Array): Buffer {
    let frame = built.get(message)
    if (!frame) {
      frame = binaryFrame(message)
      built.set(message, frame)
    }
    return frame
  }

  /** Writes the messages' frames to a socket, in one write when there are several. */
  function write(socket: FrameSink, messages: readonly Uint8Array[]): void {
    if (messages.length > 1) socket.cork()
    for (const message of messages) socket.write(frameOf(message))
    if (messages.length > 1) socket.uncork()
  }

  return { frameOf, write }
}
