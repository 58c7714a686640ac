/**
 * y-websocket message types (the first varint of every frame), as y-websocket's
 * WebsocketProvider sends and expects them.
 */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
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
