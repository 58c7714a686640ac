import type { Awareness } from 'y-protocols/awareness'

/**
 * Gives the awareness (presence) the doc's client id, once the doc has taken an id this
 * device used before (client-ids.ts). y-websocket announces and withdraws presence under
 * `doc.clientID`, so the two must be the same; call before the provider connects, while no
 * one has seen the old id. Members and the relay may remember the id from an earlier visit
 * with that visit's last presence clock: the clock starts from the time, above any of those.
 */
export function followDocClientId(awareness: Awareness): void {
  const id = awareness.doc.clientID
  if (awareness.clientID === id) return
  const state = awareness.getLocalState()
  awareness.states.delete(awareness.clientID)
  awareness.meta.delete(awareness.clientID)
  awareness.clientID = id
  awareness.meta.set(id, { clock: Date.now(), lastUpdated: Date.now() })
  awareness.setLocalState(state)
}
