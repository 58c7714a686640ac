import { createSignal, onCleanup, type Accessor } from 'solid-js'
import { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { terminalCloseCodes } from '../../../shared/protocol/close-codes.ts'
import { RELAY_PATH } from '../../../shared/protocol/messages.ts'
import { followDocClientId } from './awareness-id.ts'
import type { LocalCopy } from './local-copy.ts'
import { sendOwnPresenceOnly } from './own-presence.ts'
import { followRelayRestarts, RECONNECT_CAP_MS } from './reconnect-backoff.ts'
import { discardingCloseCodes } from './refusal.ts'
import { exposeForTests } from './test-hooks.ts'

export type ConnectionStatus = 'connecting' | 'connected' | 'offline' | 'ended'

export interface WorkspaceConnection {
  doc: Y.Doc
  provider: WebsocketProvider
  status: Accessor<ConnectionStatus>
  /** When this page last lost (or had not yet made) its connection; null while connected. */
  disconnectedSince: Accessor<number | null>
  /** True once the server's state has arrived at least once. */
  synced: Accessor<boolean>
  /** Stops syncing and deletes this device's copy of the group (when leaving it). */
  forgetLocalCopy: () => Promise<void>
  /** Whether this device still keeps its copy of the group (not once forgotten). */
  keptOnDevice: () => boolean
}

/**
 * The group's Y.Doc, kept in IndexedDB on this device (`local`: edits made offline survive
 * a reload), synced with the relay. The session cookie authenticates the WebSocket. The
 * socket closes with the owner; the copy is the caller's (GroupShell opens it while the
 * session is asked for, so the board renders from it before the socket has synced).
 */
export function createWorkspaceConnection(room: string, local: LocalCopy): WorkspaceConnection {
  const doc = local.doc
  const base = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${RELAY_PATH}`
  const provider = new WebsocketProvider(base, room, doc, {
    // Opened once the device's copy is loaded (below).
    connect: false,
    maxBackoffTime: RECONNECT_CAP_MS,
    // y-websocket stops at every 44xx; ours reconnect except after a session's end and a
    // refused change (refused-writes.ts throws the device's copy away and reloads).
    shouldReconnect: (event) =>
      !terminalCloseCodes.has(event.code) && !discardingCloseCodes.has(event.code),
  })
  exposeForTests(doc)
  followRelayRestarts(provider)
  sendOwnPresenceOnly(provider)
  // The device's copy is loaded before the socket opens. Loaded while the socket was open
  // and before the room's state had arrived, y-websocket sent all of it to the relay as a
  // change of this member's, and a viewer's is refused: a projector on a viewer link reloaded
  // with "Ändringen sparades inte" about one load in three. Should IndexedDB never
  // answer, the socket opens after a short wait all the same (local-copy.ts).
  let stopped = false
  local.open()
  void local.loaded.then(() => {
    if (stopped) return
    followDocClientId(provider.awareness)
    provider.connect()
  })
  const [status, setStatusSignal] = createSignal<ConnectionStatus>('connecting')
  const [disconnectedSince, setDisconnectedSince] = createSignal<number | null>(Date.now())
  const setStatus = (next: ConnectionStatus) => {
    setStatusSignal(next)
    if (next === 'connected') setDisconnectedSince(null)
    else if (disconnectedSince() === null) setDisconnectedSince(Date.now())
  }
  const [synced, setSynced] = createSignal(false)

  // The provider's events read the status when they fire (solid/reactivity cannot tell).
  // eslint-disable-next-line solid/reactivity
  provider.on('status', ({ status: next }) => {
    if (status() === 'ended') return
    setStatus(next === 'connected' ? 'connected' : navigator.onLine ? 'connecting' : 'offline')
  })
  provider.on('sync', (isSynced: boolean) => isSynced && setSynced(true))
  // eslint-disable-next-line solid/reactivity
  provider.on('connection-close', (event) => {
    if (event && terminalCloseCodes.has(event.code)) {
      // The session is gone: reconnecting cannot help until the user joins again.
      provider.shouldConnect = false
      setStatus('ended')
    } else if (status() !== 'ended') {
      setStatus(navigator.onLine ? 'connecting' : 'offline')
    }
  })
  const wentOffline = () => status() !== 'ended' && setStatus('offline')
  // A short network loss may not close the socket, so no status event follows: read the
  // provider's own state when the network is back.
  const cameOnline = () =>
    status() !== 'ended' && setStatus(provider.wsconnected ? 'connected' : 'connecting')
  window.addEventListener('offline', wentOffline)
  window.addEventListener('online', cameOnline)

  onCleanup(() => {
    stopped = true
    window.removeEventListener('offline', wentOffline)
    window.removeEventListener('online', cameOnline)
    provider.destroy()
  })
  const forgetLocalCopy = async () => {
    stopped = true
    provider.shouldConnect = false
    provider.destroy()
    await local.forget()
  }
  return {
    doc,
    provider,
    status,
    disconnectedSince,
    synced,
    forgetLocalCopy,
    keptOnDevice: local.keeping,
  }
}
