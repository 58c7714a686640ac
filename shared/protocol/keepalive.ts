/**
 * Keeping connections honest. y-websocket's provider closes and reopens a connection that
 * received nothing for 30 s, and a member alone in a room (a mentor preparing the agenda)
 * receives nothing: the server sends a quiet connection a message every interval. It also
 * pings every connection each interval and ends one that did not answer the previous ping
 * (a laptop closed mid-meeting), so its presence and its place in the room are freed.
 */
export const Keepalive = {
  /** Between the server's pings, and the longest a connection goes without a message. */
  intervalMs: 10_000,
  /** y-websocket's messageReconnectTimeout: the interval must stay well below it. */
  providerSilenceTimeoutMs: 30_000,
} as const
