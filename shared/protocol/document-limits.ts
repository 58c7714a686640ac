const KiB = 1024
const MiB = 1024 * KiB

/**
 * What one room's document may hold, and what the update gate holds back for it. Defaults;
 * the server reads each from the environment (server/config.ts).
 */
export const DocumentLimits = {
  /**
   * A group's whole workspace, encoded. A year-long workspace (five filled meetings, twenty
   * PDSA plans, every checklist scored, with its editing history) encodes to about 0.23 MB
   * (tests/unit/server/document-size.test.ts measures it); 32 MB leaves a margin of 140 times.
   */
  maxDocumentBytes: 32 * MiB,
  /** Updates of one connection waiting for content the room lacks (an honest race is 1–2). */
  maxHeldUpdatesPerConnection: 16,
  /** Their bytes, per connection. */
  maxHeldBytesPerConnection: 256 * KiB,
  /** All held updates of one room. */
  maxHeldBytesPerRoom: MiB,
  /** How long an update may wait; another node's update arrives within milliseconds. */
  heldUpdateTimeoutMs: 10_000,
} as const

export type DocumentLimits = { -readonly [K in keyof typeof DocumentLimits]: number }
