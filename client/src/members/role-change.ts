import { onCleanup } from 'solid-js'
import type { WebsocketProvider } from 'y-websocket'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'

const KEY = 'modellrummet:role-changed'

/**
 * A facilitator gave this member another role: the relay closed the connection with
 * RoleChanged and the provider reconnects with the new rights, but the page still offers
 * what the old role could do (the session is read once). The page is loaded again, and says
 * why once it is back (takeRoleChangeNote). The board's edits are in IndexedDB meanwhile.
 */
export function reloadOnRoleChange(provider: WebsocketProvider, room: string): void {
  const closed = (event: CloseEvent | null) => {
    if (event?.code !== CloseCode.RoleChanged) return
    try {
      sessionStorage.setItem(KEY, room)
    } catch {
      // storage refused: reload without the note
    }
    location.reload()
  }
  provider.on('connection-close', closed)
  onCleanup(() => provider.off('connection-close', closed))
}

/** True once after a reload caused by a role change in `room`. */
export function takeRoleChangeNote(room: string): boolean {
  try {
    if (sessionStorage.getItem(KEY) !== room) return false
    sessionStorage.removeItem(KEY)
    return true
  } catch {
    return false
  }
}
