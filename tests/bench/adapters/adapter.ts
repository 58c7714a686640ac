import type { ChildServer } from '../child.ts'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import type { BenchClient, ClientFactory } from '../load.ts'

/** One server under test: its process, how to make rooms usable, how clients connect. */
export interface ServerAdapter extends ClientFactory {
  readonly id:
    | 'ours'
    | 'y-websocket-server'
    | 'hocuspocus'
    | 'ours-memory-log'
    | 'y-websocket-server-leveldb'
    | 'ours-unchecked'
    | 'ours-no-policy'
  readonly label: string
  readonly server: ChildServer
  /**
   * Where client `slot` of `room` connects (after prepare), for clients run in another
   * process (bench:capacity's client runners): the URL and params `connect` uses.
   */
  endpoint(room: string, slot: number): ClientEndpoint
  /** Makes `perRoom` clients per room able to connect (ours: groups and sessions). */
  prepare(rooms: readonly string[], perRoom: number): Promise<void>
  /** Stops the server and removes what it left behind. */
  stop(): Promise<void>
  /**
   * SIGTERM, then (once the process is gone and `whileDown` ran) the same server started
   * again on the same port and storage: the reconnect storm. Resolves with when it
   * answered again (performance.now()).
   */
  restart?(whileDown: () => void): Promise<{ readyAt: number }>
}

/** A y-websocket client's server URL and query params (serialisable). */
export interface ClientEndpoint {
  url: string
  params: Record<string, string>
}

/** Presence as a board client publishes it, the same for every server. */
export const presenceFor = (room: string, slot: number) => ({
  user: { name: `Bench ${room} ${slot}`, color: '#3b6ea5' },
})

/**
 * A y-websocket client as the board uses it, the same for our relay and
 * @y/websocket-server: only the URL and the params (our session) differ.
 */
export function connectYWebsocket(
  url: string,
  room: string,
  slot: number,
  doc: Y.Doc,
  params: Record<string, string> = {},
): BenchClient {
  const provider = new WebsocketProvider(url, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params,
    disableBc: true,
  })
  provider.awareness.setLocalState(presenceFor(room, slot))
  return {
    doc,
    synced: () => provider.synced,
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}
