import { WebSocket, type RawData } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Frames received so far, by y-websocket message type (0 sync, 1 awareness, …). */
  framesReceived(type: number): number
  destroy(): void
}

/** Node's `ws`, counting the frames it receives by their first byte (the message type). */
function countingWebSocket(counts: Map<number, number>) {
  return class CountingWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols)
      this.on('message', (data: RawData) => {
        const first = Array.isArray(data) ? data[0] : data
        const type = first instanceof ArrayBuffer ? new Uint8Array(first)[0] : first?.[0]
        if (type !== undefined) counts.set(type, (counts.get(type) ?? 0) + 1)
      })
    }
  }
}

/** A real y-websocket client (Node `ws`), authenticated with `?session=`. */
export function connectClient(
  baseUrl: string,
  room: string,
  session: string | null,
  options: { connect?: boolean; doc?: Y.Doc } = {},
): TestClient {
  const doc = options.doc ?? new Y.Doc()
  const counts = new Map<number, number>()
  const provider = new WebsocketProvider(baseUrl.replace(/^http/, 'ws') + '/ws', room, doc, {
    WebSocketPolyfill: countingWebSocket(counts) as unknown as typeof globalThis.WebSocket,
    params: session ? { session } : {},
    disableBc: true,
    connect: options.connect ?? true,
    maxBackoffTime: 200,
  })
  return {
    doc,
    provider,
    framesReceived: (type) => counts.get(type) ?? 0,
    destroy: () => {
      provider.destroy()
    },
  }
}

export function waitFor(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const tick = () => {
      if (check()) return resolve()
      if (Date.now() - started > timeoutMs)
        return reject(new Error(`timed out waiting for ${what}`))
      setTimeout(tick, 10)
    }
    tick()
  })
}

export const waitForSync = (client: TestClient, timeoutMs = 5000) =>
  waitFor(() => client.provider.synced, timeoutMs, 'sync')

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
