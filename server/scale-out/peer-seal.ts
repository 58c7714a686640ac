import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { PEER_KEY_BYTES } from '../../shared/protocol/peer.ts'

const NONCE_BYTES = 12
const TAG_BYTES = 16
const CIPHER = 'aes-256-gcm'

/**
 * What crosses Redis is sealed with the deployment's PEER_KEY (AES-256-GCM): whoever can
 * read the channels sees no document, and whoever can publish to them cannot inject an
 * update, a presence or a closed session without the key. The channel name is
 * authenticated too, so a message sealed for one room is refused in another.
 */
export interface PeerSeal {
  seal(channel: string, frame: Uint8Array): Buffer
  /** The frame as sealed, or null when it was not sealed with our key for this channel. */
  open(channel: string, sealed: Uint8Array): Buffer | null
}

export function makePeerSeal(key: Uint8Array): PeerSeal {
  if (key.byteLength !== PEER_KEY_BYTES) throw new Error(`A peer key has ${PEER_KEY_BYTES} bytes`)

  function seal(channel: string, frame: Uint8Array): Buffer {
    // Random nonces: 2^32 messages per key before a repeat is a concern, centuries here.
    const nonce = randomBytes(NONCE_BYTES)
    const cipher = createCipheriv(CIPHER, key, nonce).setAAD(Buffer.from(channel))
    const body = Buffer.concat([cipher.update(frame), cipher.final()])
    return Buffer.concat([nonce, cipher.getAuthTag(), body])
  }

  function open(channel: string, sealed: Uint8Array): Buffer | null {
    if (sealed.byteLength < NONCE_BYTES + TAG_BYTES) return null
    const nonce = sealed.subarray(0, NONCE_BYTES)
    const tag = sealed.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES)
    try {
      const decipher = createDecipheriv(CIPHER, key, nonce).setAAD(Buffer.from(channel))
      decipher.setAuthTag(tag)
      const body = sealed.subarray(NONCE_BYTES + TAG_BYTES)
      return Buffer.concat([decipher.update(body), decipher.final()])
    } catch {
      return null
    }
  }

  return { seal, open }
}
