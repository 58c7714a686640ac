/**
 * WebSocket close codes used by the relay. Defined once here and read by both the server
 * (when it closes a connection) and the client (to explain what happened to the user).
 * 4000–4999 is the range RFC 6455 leaves to applications.
 */
export const CloseCode = {
  /** The server is shutting down or restarting; the client should reconnect. */
  GoingAway: 1001,
  /** A frame that is not a valid y-websocket message (bad varint, unknown type, bad update). */
  MalformedMessage: 4400,
  /**
   * The session is no longer valid. Refusals happen at the upgrade (HTTP 401/403, which a
   * browser sees as 1006); these two are for closing a live connection and the client
   * treats them as final: reconnecting cannot help until the user joins again.
   */
  SessionExpired: 4401,
  Forbidden: 4403,
  /**
   * A frame or awareness state larger than the relay accepts. The standard code (RFC 6455),
   * which is also what the `ws` library sends when a frame exceeds its maxPayload.
   */
  MessageTooLarge: 1009,
  /** The server failed to store an update; the client reconnects and resends it. */
  InternalError: 1011,
  /** More messages or bytes per second than a connection may send. */
  RateLimited: 4429,
  /**
   * The client stopped reading: more than the relay's send-queue limit waits for it
   * (MAX_BUFFERED_BYTES). The client may reconnect and sync afresh.
   */
  SlowReader: 4408,
  /**
   * The update gate refused an update (unreadable, a value of the wrong kind in the
   * workspace, deletions of content nobody has): nothing of it was stored or relayed.
   */
  UpdateRefused: 4422,
  /**
   * Too many of the connection's updates wait for content the room lacks (sent out of
   * order), or one waited too long. The client reconnects and syncs afresh.
   */
  UpdatesOutOfOrder: 4409,
  /**
   * The write policy refused a write (a viewer's, a locked part, the control state, sealed
   * scores); the reason came just before in an auth message. The client throws away its
   * local copy of the change, reloads from the room and says why.
   */
  WriteRefused: 4423,
  /** The group's workspace reached its size limit (MAX_DOCUMENT_BYTES); nothing was stored. */
  DocumentFull: 4413,
  /**
   * A facilitator gave the member another role: the rights a connection has are fixed when
   * it opens, so it is closed and the client reconnects at once with the new ones (and
   * reloads, so the page offers what the new role may do). Not terminal.
   */
  RoleChanged: 4205,
} as const

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]

/** Codes after which reconnecting will not help without the user doing something. */
export const terminalCloseCodes: ReadonlySet<number> = new Set([
  CloseCode.SessionExpired,
  CloseCode.Forbidden,
])
