import { DocumentLimits } from './document-limits.ts'

const MiB = 1024 * 1024

/** Defaults for what one connection may send; the server can be configured lower or higher. */
export const RelayLimits = {
  /** Largest single WebSocket frame accepted, in bytes. */
  maxMessageBytes: MiB,
  /** Largest awareness state one client may publish, in bytes. */
  maxAwarenessBytes: 8 * 1024,
  /** Sustained messages per second per connection (token bucket refill rate). */
  messagesPerSecond: 100,
  /** Burst allowance on top of the sustained rate. */
  messageBurst: 400,
  /**
   * Sustained bytes per second one connection may send (a byte token bucket). Typing is a
   * few hundred bytes a second; a long paste is a one-off that the burst takes. At this
   * rate filling a room with 200 MB takes a writer 13 minutes instead of 30 seconds.
   */
  bytesPerSecond: 256 * 1024,
  /**
   * Bytes a connection may send at once on top of the rate. At least two largest frames,
   * so a client back from offline can upload its catch-up (one maximal sync step 2) and
   * go on typing; the server defaults it to 2 × maxMessageBytes.
   */
  byteBurst: 2 * MiB,
  /** Connections one room accepts at once (participants and viewers). */
  maxConnectionsPerRoom: 200,
  /**
   * Connections a room accepts from facilitators beyond maxConnectionsPerRoom: a room
   * filled by its members (or by one abusing a shared link) never locks out the people
   * who run the meeting.
   */
  facilitatorReserve: 16,
  /** Sockets one session may hold open on one server node: a person with a few tabs. */
  maxSocketsPerSession: 8,
  /**
   * Bytes waiting in one socket's send queue before the server gives up on its reader
   * (close SlowReader): one whole document at its size cap (a full-state answer must fit,
   * or a reader of the largest room would be closed for the answer itself; a year-long
   * workspace is about 0.25 MB), where twenty queued answers of a 200 MB room ran the
   * server out of memory. The server defaults it to MAX_DOCUMENT_BYTES.
   */
  maxBufferedBytes: DocumentLimits.maxDocumentBytes,
  /**
   * Joins (session check and room load before an upgrade) run at once on one node; the
   * others wait their turn (server/relay/admission.ts). 0: not paced.
   */
  joinsAtOnce: 4,
  /** Joins that may wait for their turn; beyond it one is refused with 503 and retried. */
  joinsWaiting: 10_000,
} as const

export type RelayLimits = { -readonly [K in keyof typeof RelayLimits]: number }

/**
 * Awareness client ids one connection may publish. A y-websocket provider publishes one
 * (its document's); a few more leave room for a client that recreates its awareness.
 */
export const MAX_CLIENT_IDS_PER_CONNECTION = 4
