/**
 * What the server nodes of one deployment tell each other over Redis (scale-out). One
 * channel per room; each message is one byte of kind, the sender's 16-byte node id (so a
 * node skips its own messages) and the payload, sealed with the deployment's PEER_KEY:
 * a 12-byte nonce, a 16-byte tag, then the frame in AES-256-GCM with the channel name as
 * associated data.
 */
export const PeerKind = {
  /** A Yjs update the sending node accepted and committed to the shared log. */
  Update: 1,
  /** An awareness update (y-protocols encoding) from the sending node's connections. */
  Awareness: 2,
  /** The sender may have missed or failed to publish messages: reload the room from the log. */
  Resync: 3,
  /** A member left the group on the sending node: close that session's connections (payload: session id, UTF-8). */
  SessionEnded: 4,
  /** A member's role changed on the sending node: close that session's connections so they reconnect with it (payload: session id, UTF-8). */
  SessionChanged: 5,
  /** A facilitator changed the group's meetings or members on the sending node: tell this node's connections (payload: the part, UTF-8). */
  GroupChanged: 6,
} as const

export type PeerKind = (typeof PeerKind)[keyof typeof PeerKind]

export const PEER_NODE_ID_BYTES = 16

/** The key every node of a deployment shares (PEER_KEY: this many bytes, in hex). */
export const PEER_KEY_BYTES = 32

/** The Redis channel of a room. */
export const peerChannel = (room: string): string => `modellrummet:room:${room}`
