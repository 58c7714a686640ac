import { createSignal, onCleanup, type Accessor } from 'solid-js'
import { clearDocument, IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { terminalCloseCodes } from '../../../shared/protocol/close-codes.ts'
import { RELAY_PATH } from '../../../shared/protocol/messages.ts'
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
}

/**
 * How long leaving waits for the local copy to be deleted. Another open tab of the group
 * holds the database open and blocks the deletion; it then completes when that tab closes.
 */
const FORGET_WAIT_MS = 2_000
/** How long the socket waits for the device's copy to load (a browser without IndexedDB). */
const LOCAL_COPY_WAIT_MS = 3_000

/**
 * The group's Y.Doc, kept in IndexedDB on this device (edits made offline survive a reload)
 * and synced with the relay. The session cookie authenticates the WebSocket. Cleans up
 * with the owner.
 */
export function createWorkspaceConnection(room: string): WorkspaceConnection {
  const doc = new Y.Doc()
  const localName = `modellrummet:${room}`
  const local = new IndexeddbPersistence(localName, doc)
  const base = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${RELAY_PATH}`
  const provider = new WebsocketProvider(base, room, doc, {
    // Opened once the device's copy is loaded (below).
    connect: false,
    maxBackoffTime: 5000,
    // y-websocket stops at every 44xx; ours reconnect except after a session's end and a
    // refused change (refused-writes.ts throws the device's copy away and reloads).
    shouldReconnect: (event) =>
      !terminalCloseCodes.has(event.code) && !discardingCloseCodes.has(event.code),
  })
  exposeForTests(doc)
  // The device's copy is loaded before the socket opens. Loaded while the socket was open
  // and before the room's state had arrived, y-websocket sent all of it to the relay as a
  // change of this member's, and a viewer's is refused: a projector on a viewer link reloaded
  // with "Ändringen sparades inte" about one load in three. Without IndexedDB (whenSynced
  // never settles) the socket opens after a short wait all the same.
  let stopped = false
  void Promise.race([
    local.whenSynced,
    new Promise((resolve) => setTimeout(resolve, LOCAL_COPY_WAIT_MS)),
  ]).then(() => {
    if (!stopped) provider.connect()
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
    void local.destroy()
    doc.destroy()
  })
  // y-indexeddb's clearData does not wait for the deletion; this does (for a while).
  const forgetLocalCopy = async () => {
    stopped = true
    provider.shouldConnect = false
    provider.destroy()
    await local.destroy()
    await Promise.race([
      clearDocument(localName),
      new Promise((resolve) => setTimeout(resolve, FORGET_WAIT_MS)),
    ])
  }
  return { doc, provider, status, disconnectedSince, synced, forgetLocalCopy }
}
