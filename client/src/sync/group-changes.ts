import { createSignal, onCleanup } from 'solid-js'
import type { WebsocketProvider } from 'y-websocket'
import { GroupPart, readGroupChanged } from '../../../shared/protocol/group-changed.ts'
import { MessageType } from '../../../shared/protocol/messages.ts'

/**
 * Hears the relay's "the group's meetings/members changed" frames on the group's socket
 * (shared/protocol/group-changed.ts). y-websocket's provider dispatches each frame by its
 * first number through `messageHandlers`; this adds ours there. After the socket comes back
 * from a disconnection both parts are reported, since a change may have been told meanwhile.
 * Returns what stops listening.
 */
export function listenForGroupChanges(
  provider: WebsocketProvider,
  onChange: (part: GroupPart) => void,
): () => void {
  provider.messageHandlers[MessageType.GroupChanged] = (_encoder, decoder) => {
    const part = readGroupChanged(decoder)
    if (part) onChange(part)
  }
  // The first connection follows the page's own fetch: only a reconnection reports.
  let connectedBefore = false
  let lostConnection = false
  const onStatus = ({ status }: { status: string }) => {
    if (status !== 'connected') {
      lostConnection = connectedBefore
      return
    }
    connectedBefore = true
    if (!lostConnection) return
    lostConnection = false
    for (const part of Object.values(GroupPart)) onChange(part)
  }
  provider.on('status', onStatus)
  return () => provider.off('status', onStatus)
}

export interface GroupChanges {
  /** Moves each time the part is told changed: a page reads it to fetch the part again. */
  version: (part: GroupPart) => number
}

/** `listenForGroupChanges` as a signal per part, for the owner's life. */
export function createGroupChanges(provider: WebsocketProvider): GroupChanges {
  const [versions, setVersions] = createSignal<Record<GroupPart, number>>({
    meetings: 0,
    members: 0,
  })
  const stop = listenForGroupChanges(provider, (part) =>
    setVersions((current) => ({ ...current, [part]: current[part] + 1 })),
  )
  onCleanup(stop)
  return { version: (part) => versions()[part] }
}
