import { WebSocket, type RawData } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  decodeAwarenessEntries,
  type AwarenessEntry,
} from '../../server/relay/awareness-entries.ts'
import { parseMessage } from '../../server/relay/protocol.ts'
import { MessageType } from '../../shared/protocol/messages.ts'

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Frames received so far, by y-websocket message type (0 sync, 1 awareness, …). */
  framesReceived(type: number): number
  /** Frames sent so far, by message type. */
  framesSent(type: number): number
  /** The entries of every awareness frame received so far, in order of arrival. */
  awarenessEntriesReceived(): readonly AwarenessEntry[]
  destroy(): void
}

/** The message type of a frame (its first byte), as `ws` hands it or as it is sent. */
const typeOf = (data: RawData | ArrayBufferView | ArrayBuffer | string): number | undefined => {
  const first = Array.isArray(data) ? data[0] : data
  if (first instanceof ArrayBuffer) return new Uint8Array(first)[0]
  if (ArrayBuffer.isView(first)) return new Uint8Array(first.buffer, first.byteOffset, 1)[0]
  return undefined
}

const count = (counts: Map<number, number>, type: number | undefined) => {
  if (type !== undefined) counts.set(type, (counts.get(type) ?? 0) + 1)
}

/** The entries of an awareness frame (a Buffer, as `ws` hands it by default). */
function awarenessEntriesOf(data: RawData): AwarenessEntry[] {
  const message = parseMessage(new Uint8Array(data as Buffer))
  return message.type === 'awareness' ? decodeAwarenessEntries(message.update) : []
}

/**
 * Node's `ws`, counting the frames it receives and sends by their message type and keeping
 * the entries of the awareness frames it receives.
 */
function countingWebSocket(
  received: Map<number, number>,
  sent: Map<number, number>,
  awarenessEntries: AwarenessEntry[],
) {
  return class CountingWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols)
      this.on('message', (data: RawData) => {
        const type = typeOf(data)
        count(received, type)
        if (type === MessageType.Awareness) awarenessEntries.push(...awarenessEntriesOf(data))
      })
    }

    override send(data: ArrayBufferView | ArrayBuffer, ...rest: unknown[]): void {
      count(sent, typeOf(data))
      ;(super.send as (data: unknown, ...rest: unknown[]) => void)(data, ...rest)
    }
  }
}

/**
 * A real y-websocket client (Node `ws`), authenticated with `?session=`. `stock`: the
 * provider exactly as y-websocket makes it (a page from before GroupChanged existed).
 */
export function connectClient(
  baseUrl: string,
  room: string,
  session: string | null,
  options: { connect?: boolean; doc?: Y.Doc; stock?: boolean } = {},
): TestClient {
  const doc = options.doc ?? new Y.Doc()
  const received = new Map<number, number>()
  const sent = new Map<number, number>()
  const awarenessEntries: AwarenessEntry[] = []
  const provider = new WebsocketProvider(baseUrl.replace(/^http/, 'ws') + '/ws', room, doc, {
    WebSocketPolyfill: countingWebSocket(
      received,
      sent,
      awarenessEntries,
    ) as unknown as typeof globalThis.WebSocket,
    params: session ? { session } : {},
    disableBc: true,
    connect: options.connect ?? true,
    maxBackoffTime: 200,
  })
  // The relay tells its members when the group's structure changed (the board refetches
  // it); a plain provider has no handler for that frame and logs each one as an error.
  if (!options.stock) provider.messageHandlers[MessageType.GroupChanged] = () => undefined
  return {
    doc,
    provider,
    framesReceived: (type) => received.get(type) ?? 0,
    framesSent: (type) => sent.get(type) ?? 0,
    awarenessEntriesReceived: () => awarenessEntries,
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
