/**
 * The load generator, identical for every server: Y.Docs edited in rooms, each edit
 * carrying its send time; every receiving doc records how long the edit took to arrive.
 * Servers differ only in the ClientFactory (which provider, which URL).
 */
import * as Y from 'yjs'
import { checklistScoresOf } from '../../shared/workspace/index.ts'
import { sleep } from '../helpers/clients.ts'
import { makePrng } from '../helpers/prng.ts'
import { testText, testWorkspaceUpdate } from '../helpers/workspace.ts'
import { Samples } from './metrics.ts'

/** One connected client as the load generator sees it. */
export interface BenchClient {
  readonly doc: Y.Doc
  synced(): boolean
  destroy(): void
}

export interface ClientFactory {
  /** Connects `doc` to `room` as client number `slot` of that room. */
  connect(room: string, slot: number, doc: Y.Doc): BenchClient
}

export interface LoadShape {
  rooms: number
  clientsPerRoom: number
  /** How long clients keep editing. */
  loadMs: number
  /** Each client edits again after a uniformly random pause in [min, max] ms. */
  minIntervalMs: number
  maxIntervalMs: number
  seed: number
}

export interface LoadResult {
  edits: number
  /** Edits arrived at other clients (each edit is due at clientsPerRoom - 1 receivers). */
  deliveries: number
  expectedDeliveries: number
  /** Propagation latency of each delivery, ms. */
  latencies: Float64Array
  /** From the first edit until the last delivery arrived (or the drain timed out). */
  windowMs: number
}

const LOCAL = Symbol('bench-local')

/**
 * The load's checklist score keys: `bench|<slot>:<seq>` reads as organisation 'bench' and a
 * phase of its own, so the write policy takes it as a participant's checklist score (a key
 * without the '|' would be structure, which only facilitators write).
 */
const KEY_PREFIX = 'bench|'

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs
  while (!check()) {
    if (performance.now() > deadline) return false
    await sleep(10)
  }
  return true
}

/**
 * Connects `perRoom` clients to each room (client numbers from `firstSlot`), `batch` sockets at a time, and waits until all
 * are synced. Throws (after destroying what it made) if they do not sync in time.
 */
export async function connectClients(
  factory: ClientFactory,
  rooms: readonly string[],
  perRoom: number,
  options: { batch?: number; timeoutMs?: number; firstSlot?: number } = {},
): Promise<BenchClient[][]> {
  const batch = options.batch ?? 50
  const firstSlot = options.firstSlot ?? 0
  const byRoom: BenchClient[][] = rooms.map(() => [])
  const all: BenchClient[] = []
  // Every client starts from the test structure (the texts the load writes in): our relay's
  // update gate refuses root types outside the workspace schema, and a client cannot create
  // a nested text itself, since two clients creating it concurrently would lose one. Ours has
  // it in the group's log already (createTestGroup); the reference servers store nothing up
  // front and get it from the first client. It is one identical update (one client id), so
  // every replica dedupes it and every server ends up with the same document.
  const structure = testWorkspaceUpdate()
  const specs = rooms.flatMap((room, r) =>
    Array.from({ length: perRoom }, (_, i) => ({ room, r, slot: firstSlot + i })),
  )
  try {
    for (let i = 0; i < specs.length; i += batch) {
      const made = specs.slice(i, i + batch).map(({ room, r, slot }) => {
        const doc = new Y.Doc()
        Y.applyUpdate(doc, structure)
        const client = factory.connect(room, slot, doc)
        byRoom[r]?.push(client)
        all.push(client)
        return client
      })
      const ok = await waitUntil(() => made.every((c) => c.synced()), options.timeoutMs ?? 20_000)
      if (!ok) {
        const pending = made.filter((c) => !c.synced()).length
        throw new Error(`${pending} of ${made.length} clients did not sync in time`)
      }
    }
  } catch (error) {
    destroyClients(byRoom)
    throw error
  }
  return byRoom
}

export function destroyClients(byRoom: BenchClient[][]): void {
  for (const clients of byRoom) for (const client of clients.splice(0)) client.destroy()
}

/**
 * Every client edits its room's document on a seeded schedule for `loadMs`: a few
 * characters into a test text plus a checklist score at a fresh key `bench|<slot>:<seq>`
 * (inside the workspace schema and the write policy, which our relay enforces). The send
 * time of each key is kept here, in the one process that runs every client; receivers
 * observe the scores and record now − send time for keys of other clients. The documents
 * get the same content on every server. Resolves once every due delivery arrived (or after
 * `drainMs`).
 */
export async function driveEdits(
  byRoom: BenchClient[][],
  shape: LoadShape,
  drainMs = 5000,
): Promise<LoadResult> {
  const latencies = new Samples()
  let deliveries = 0
  let edits = 0
  let expectedDeliveries = 0
  const cleanups: (() => void)[] = []
  const timers = new Set<NodeJS.Timeout>()
  let stopAt = 0
  /** When each edit was sent, by `<room index>/<key>`. */
  const sentAt = new Map<string, number>()

  byRoom.forEach((clients, r) => {
    clients.forEach((client, slot) => {
      const own = `${KEY_PREFIX}${slot}:`
      const edits = checklistScoresOf(client.doc)
      const observer = (event: Y.YMapEvent<number>) => {
        if (event.transaction.origin === LOCAL) return
        const now = performance.now()
        for (const key of event.keysChanged) {
          if (key.startsWith(own)) continue
          const sent = edits.has(key) ? sentAt.get(`${r}/${key}`) : undefined
          if (sent === undefined) continue
          latencies.push(now - sent)
          deliveries++
        }
      }
      edits.observe(observer)
      cleanups.push(() => edits.unobserve(observer))
    })
  })

  const schedule = (clients: BenchClient[], r: number, slot: number) => {
    const client = clients[slot] as BenchClient
    const text = testText(client.doc, 'notes')
    const map = checklistScoresOf(client.doc)
    // Each client draws from its own seeded generator, so its schedule and edits are the
    // same for every server, whatever order the timers fire in.
    const prng = makePrng(shape.seed * 7919 + r * 131 + slot)
    let seq = 0
    const pauses = () =>
      shape.minIntervalMs + prng.next() * (shape.maxIntervalMs - shape.minIntervalMs)
    // Stagger the first edits over one interval so clients do not fire in lockstep.
    const first = prng.next() * shape.maxIntervalMs
    const chars = 1 + prng.int(3)
    const edit = () => {
      timers.delete(timer)
      if (performance.now() >= stopAt) return
      client.doc.transact(() => {
        const at = Math.floor(prng.next() * (text.length + 1))
        text.insert(at, 'abcdefgh'.slice(0, chars))
        const key = `${KEY_PREFIX}${slot}:${seq}`
        sentAt.set(`${r}/${key}`, performance.now())
        map.set(key, 1 + (seq++ % 3))
      }, LOCAL)
      edits++
      expectedDeliveries += clients.length - 1
      timer = setTimeout(edit, pauses())
      timers.add(timer)
    }
    let timer = setTimeout(edit, first)
    timers.add(timer)
  }

  const started = performance.now()
  stopAt = started + shape.loadMs
  byRoom.forEach((clients, r) => clients.forEach((_, slot) => schedule(clients, r, slot)))
  await sleep(shape.loadMs)
  await waitUntil(() => timers.size === 0, 2000)
  for (const timer of timers) clearTimeout(timer)
  await waitUntil(() => deliveries >= expectedDeliveries, drainMs)
  const windowMs = performance.now() - started
  for (const cleanup of cleanups) cleanup()
  return { edits, deliveries, expectedDeliveries, latencies: latencies.values().slice(), windowMs }
}
