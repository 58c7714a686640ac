import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  destroy(): void
}

/** A real y-websocket client (Node `ws`), authenticated with `?session=`. */
export function connectClient(
  baseUrl: string,
  room: string,
  session: string | null,
  options: { connect?: boolean; doc?: Y.Doc } = {},
): TestClient {
  const doc = options.doc ?? new Y.Doc()
  const provider = new WebsocketProvider(baseUrl.replace(/^http/, 'ws') + '/ws', room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: session ? { session } : {},
    disableBc: true,
    connect: options.connect ?? true,
    maxBackoffTime: 200,
  })
  return {
    doc,
    provider,
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
