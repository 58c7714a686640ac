/** Defaults for what one connection may send; the server can be configured lower or higher. */
export const RelayLimits = {
  /** Largest single WebSocket frame accepted, in bytes. */
  maxMessageBytes: 1024 * 1024,
  /** Largest awareness state one client may publish, in bytes. */
  maxAwarenessBytes: 8 * 1024,
  /** Sustained messages per second per connection (token bucket refill rate). */
  messagesPerSecond: 100,
  /** Burst allowance on top of the sustained rate. */
  messageBurst: 400,
  /** Connections one room accepts at once. */
  maxConnectionsPerRoom: 200,
} as const

export type RelayLimits = { -readonly [K in keyof typeof RelayLimits]: number }
