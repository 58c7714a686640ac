/**
 * y-websocket message types (the first varint of every frame), as y-websocket's
 * WebsocketProvider sends and expects them.
 */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  /**
   * Ours, server to client only: the group's structure changed (see group-changed.ts).
   * y-websocket's provider logs "Unable to compute message" for a type it has no handler
   * for and carries on, so a client from before it keeps working; ours registers one.
   */
  GroupChanged: 4,
} as const

export type MessageType = (typeof MessageType)[keyof typeof MessageType]

/** Sub-types of a Sync message (y-protocols/sync). */
export const SyncStep = {
  Step1: 0,
  Step2: 1,
  Update: 2,
} as const

/** Where the relay listens; the client's WebsocketProvider appends `/<room>`. */
export const RELAY_PATH = '/ws'

/** The session cookie is per room so one browser can belong to several groups at once. */
export const sessionCookieName = (room: string): string => `mr_session_${room}`

/** The round lead's session cookie (one per browser: a lead's rights are not per room). */
export const leadCookieName = 'mr_lead'
