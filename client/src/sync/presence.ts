import { createSignal, onCleanup, type Accessor } from 'solid-js'
import type { Awareness } from 'y-protocols/awareness'
import { parsePresence, type Presence } from '../../../shared/workspace/presence.ts'

export interface Peer {
  clientId: number
  self: boolean
  presence: Presence
}

/** Everyone present (from awareness), validated; the same person in two tabs shows once. */
export function createPeers(awareness: Awareness): Accessor<Peer[]> {
  const read = (): Peer[] => {
    const seen = new Set<string>()
    const peers: Peer[] = []
    awareness.getStates().forEach((state, clientId) => {
      const presence = parsePresence(state)
      if (!presence) return
      const self = clientId === awareness.clientID
      const key = `${presence.user.participantId}`
      if (seen.has(key) && !self) return
      seen.add(key)
      peers.push({ clientId, self, presence })
    })
    return peers.sort(
      (a, b) =>
        Number(b.self) - Number(a.self) || a.presence.user.name.localeCompare(b.presence.user.name),
    )
  }
  const [peers, setPeers] = createSignal(read())
  const onChange = () => setPeers(read())
  awareness.on('change', onChange)
  onCleanup(() => awareness.off('change', onChange))
  return peers
}
