/**
 * bench:capacity's light clients (CAPACITY_CLIENTS=light): the board's y-websocket provider
 * and the load's edits (load.ts), but a receiver, once synced, does not apply the updates
 * relayed to it: it finds the edits' keys in the update's bytes and records their arrival.
 * Applying every edit to nine receiving Y.Docs costs the client side several times what
 * relaying it costs a server, so with full clients on the same two cores the clients
 * saturate long before either server. Light clients move that limit up; what is measured is
 * the server's relaying (frame to frame), the same for every server.
 */
import * as decoding from 'lib0/decoding'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { checklistScoresOf } from '../../shared/workspace/index.ts'
import { sleep } from '../helpers/clients.ts'
import { makePrng } from '../helpers/prng.ts'
import { testText, testWorkspaceUpdate } from '../helpers/workspace.ts'
import { presenceFor, type ClientEndpoint } from './adapters/adapter.ts'
import type { LoadResult, LoadShape } from './load.ts'
import { Samples } from './metrics.ts'

export interface LightClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Called with each load key (`bench|<slot>:<seq>`) in an update relayed to this client. */
  onKey: ((key: string) => void) | null
}

const MESSAGE_SYNC = 0
const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2
/** 'bench|' in UTF-8: the prefix of every key the load writes (load.ts). */
const PREFIX = [0x62, 0x65, 0x6e, 0x63, 0x68, 0x7c]

/** Every load key in an encoded update: each is a varString, its length byte before it. */
function keysIn(update: Uint8Array, found: (key: string) => void): void {
  const decoder = new TextDecoder()
  outer: for (let i = 1; i <= update.length - PREFIX.length; i++) {
    for (let j = 0; j < PREFIX.length; j++) if (update[i + j] !== PREFIX[j]) continue outer
    const length = update[i - 1] as number
    if (length < PREFIX.length || length > 127 || i + length > update.length) continue
    found(decoder.decode(update.subarray(i, i + length)))
    i += length - 1
  }
}

export function connectLight(endpoint: ClientEndpoint, room: string, slot: number): LightClient {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, testWorkspaceUpdate())
  const provider = new WebsocketProvider(endpoint.url, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: endpoint.params,
    disableBc: true,
  })
  provider.awareness.setLocalState(presenceFor(room, slot))
  const client: LightClient = { doc, provider, onKey: null }
  const syncHandler = provider.messageHandlers[MESSAGE_SYNC]
  if (!syncHandler) throw new Error('y-websocket has no sync handler')
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, dec, p, emitSynced, messageType) => {
    const start = dec.pos
    const kind = decoding.readVarUint(dec)
    if (p.synced && (kind === SYNC_UPDATE || kind === SYNC_STEP_2)) {
      const update = decoding.readVarUint8Array(dec)
      if (client.onKey) keysIn(update, client.onKey)
      return
    }
    dec.pos = start
    syncHandler(encoder, dec, p, emitSynced, messageType)
  }
  return client
}

export function destroyLight(clients: LightClient[]): void {
  for (const client of clients.splice(0)) {
    client.provider.destroy()
    client.doc.destroy()
  }
}

/**
 * The edits of load.ts's driveEdits (the same seeded schedule, text insert and checklist
 * score per edit), with arrivals read from the relayed bytes.
 */
export async function driveLight(
  byRoom: LightClient[][],
  shape: LoadShape,
  drainMs: number,
): Promise<LoadResult> {
  const latencies = new Samples()
  const sentAt = new Map<string, number>()
  const timers = new Set<NodeJS.Timeout>()
  let edits = 0
  let deliveries = 0
  let expectedDeliveries = 0
  const started = performance.now()
  const stopAt = started + shape.loadMs
  byRoom.forEach((clients, r) =>
    clients.forEach((client, slot) => {
      const own = `bench|${slot}:`
      client.onKey = (key) => {
        const sent = key.startsWith(own) ? undefined : sentAt.get(`${r}/${key}`)
        if (sent === undefined) return
        latencies.push(performance.now() - sent)
        deliveries++
      }
      const text = testText(client.doc, 'notes')
      const scores = checklistScoresOf(client.doc)
      const prng = makePrng(shape.seed * 7919 + r * 131 + slot)
      const chars = 1 + prng.int(3)
      // Keys fresh in every drive (a score set again at a key has the earlier one as its
      // origin and is encoded without its key, which the byte scan would then not see).
      let seq = shape.seed * 1000
      const edit = () => {
        timers.delete(timer)
        if (performance.now() >= stopAt) return
        client.doc.transact(() => {
          text.insert(Math.floor(prng.next() * (text.length + 1)), 'abcdefgh'.slice(0, chars))
          const key = `${own}${seq}`
          sentAt.set(`${r}/${key}`, performance.now())
          scores.set(key, 1 + (seq++ % 3))
        })
        edits++
        expectedDeliveries += clients.length - 1
        const pause =
          shape.minIntervalMs + prng.next() * (shape.maxIntervalMs - shape.minIntervalMs)
        timer = setTimeout(edit, pause)
        timers.add(timer)
      }
      let timer = setTimeout(edit, prng.next() * shape.maxIntervalMs)
      timers.add(timer)
    }),
  )
  await sleep(shape.loadMs)
  while (timers.size > 0 && performance.now() < stopAt + 2000) await sleep(10)
  for (const timer of timers) clearTimeout(timer)
  const drainUntil = performance.now() + drainMs
  while (deliveries < expectedDeliveries && performance.now() < drainUntil) await sleep(10)
  const windowMs = performance.now() - started
  for (const clients of byRoom) for (const client of clients) client.onKey = null
  return { edits, deliveries, expectedDeliveries, latencies: latencies.values().slice(), windowMs }
}
