import type { WebsocketProvider } from 'y-websocket'

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

/**
 * Makes the provider send only this member's own presence. y-websocket sends every change
 * its awareness applies, another member's too: each focus change in a room came back to
 * the relay from every other member, N - 1 frames the relay decoded only to drop as stale
 * (relay/room-presence.ts), on every member's connection, a phone's too. The relay keeps
 * the room's presence and welcomes each connection with all of it, so no echo is needed.
 */
export function sendOwnPresenceOnly(provider: WebsocketProvider): void {
  const { awareness } = provider
  const sendChanged = provider._awarenessUpdateHandler
  const sendOwn = (change: AwarenessChange, origin: unknown): void => {
    // Read at each change: the id follows the doc's (awareness-id.ts).
    const mine = (ids: number[]) => ids.filter((id) => id === awareness.clientID)
    const added = mine(change.added)
    const updated = mine(change.updated)
    const removed = mine(change.removed)
    if (added.length + updated.length + removed.length > 0)
      sendChanged({ added, updated, removed }, origin)
  }
  awareness.off('update', sendChanged)
  awareness.on('update', sendOwn)
  // The provider's destroy() takes its handler off the awareness by this field.
  provider._awarenessUpdateHandler = sendOwn
}
