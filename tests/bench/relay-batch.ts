/**
 * `npm run bench:relay-batch`: what relaying a group commit's batch costs, one frame per
 * update (before) against one frame per connection (server/relay/relay-batch.ts: the batch
 * merged, each sender sent the others' part), sent through `ws` and, as the relay sends
 * them, built once for all receivers (wire-frames.ts), in-process on real `ws` sockets over
 * loopback, so a send pays its framing and its socket write as in the relay. Times only
 * the synchronous relaying (merge, encode, every send); the clients read between batches,
 * outside the measured time. Per room size and batch size: CPU µs per batch and per
 * delivery (batch × (members − 1) updates delivered). Not a test.
 *
 * Env: BENCH_RELAY_BATCHES (2000 per measurement), BENCH_RELAY_ROUNDS (3, median).
 */
import { once } from 'node:events'
import type { AddressInfo, Socket } from 'node:net'
import { WebSocket, WebSocketServer } from 'ws'
import * as Y from 'yjs'
import { encodeUpdate } from '../../server/relay/protocol.ts'
import { relayBatch, type Outgoing } from '../../server/relay/relay-batch.ts'
import { makeSharedFrames } from '../../server/relay/wire-frames.ts'
import { checklistScoresOf } from '../../shared/workspace/index.ts'
import { testText, testWorkspaceUpdate } from '../helpers/workspace.ts'
import { envNumber } from './env.ts'
import { median } from './metrics.ts'

const BATCHES = envNumber('BENCH_RELAY_BATCHES', 2000)
const ROUNDS = envNumber('BENCH_RELAY_ROUNDS', 3)
const ROOM_SIZES = [5, 10, 20]
const BATCH_SIZES = [1, 2, 4, 8]

type Relay = (batch: Outgoing<WebSocket>[], connections: WebSocket[]) => void

const perUpdate: Relay = (batch, connections) => {
  for (const { update, origin } of batch) {
    const frame = encodeUpdate(update)
    for (const connection of connections) if (connection !== origin) connection.send(frame)
  }
}
/** ws's own net.Socket (`_socket`, not in its types): corked, several frames leave in one write. */
const socketOf = (ws: WebSocket) => (ws as unknown as { _socket: Socket })._socket
const sendCorked = (connection: WebSocket, frames: readonly Uint8Array[]) => {
  const socket = socketOf(connection)
  socket.cork()
  for (const frame of frames) connection.send(frame)
  socket.uncork()
}
const corked: Relay = (batch, connections) => {
  const frames = batch.map(({ update }) => encodeUpdate(update))
  for (const connection of connections)
    sendCorked(
      connection,
      frames.filter((_, i) => batch[i]!.origin !== connection),
    )
}
const batched: Relay = (batch, connections) =>
  relayBatch(batch, connections, (connection, frames) => sendCorked(connection, frames))
/** As the relay sends: each frame built once for every receiver, written to the socket. */
const sharedFrames = makeSharedFrames()
const shared: Relay = (batch, connections) =>
  relayBatch(batch, connections, (connection, frames) =>
    sharedFrames.write(socketOf(connection), frames),
  )

/** `count` batches of `size` edits by different members (as the bench load edits). */
function makeBatches(members: number, size: number, count: number): Uint8Array[][] {
  const docs = Array.from({ length: members }, () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, testWorkspaceUpdate())
    return doc
  })
  const batches: Uint8Array[][] = []
  for (let b = 0; b < count; b++) {
    const updates: Uint8Array[] = []
    for (let i = 0; i < size; i++) {
      const slot = (b * size + i) % members
      const doc = docs[slot]!
      const collect = (update: Uint8Array) => updates.push(update)
      doc.on('update', collect)
      doc.transact(() => {
        testText(doc, 'notes').insert(0, 'ab')
        checklistScoresOf(doc).set(`bench|${slot}:${b}`, 1 + (b % 3))
      })
      doc.off('update', collect)
    }
    batches.push(updates)
  }
  return batches
}

async function room(members: number) {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' })
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  const accepted: WebSocket[] = []
  server.on('connection', (socket) => accepted.push(socket))
  const clients = Array.from({ length: members }, () => new WebSocket(`ws://127.0.0.1:${port}`))
  await Promise.all(clients.map((client) => once(client, 'open')))
  while (accepted.length < members) await new Promise((resolve) => setImmediate(resolve))
  let received = 0
  for (const client of clients) client.on('message', () => (received += 1))
  return {
    connections: accepted,
    received: () => received,
    close() {
      for (const client of clients) client.terminate()
      server.close()
    },
  }
}

async function measure(relay: Relay, members: number, size: number): Promise<number> {
  const { connections, close } = await room(members)
  const batches = makeBatches(members, size, BATCHES).map((updates) =>
    updates.map((update, i) => ({ update, origin: connections[i % members]! })),
  )
  let micros = 0
  try {
    for (const batch of batches) {
      const started = process.cpuUsage()
      relay(batch, connections)
      const used = process.cpuUsage(started)
      micros += used.user + used.system
      // The clients read before the next batch, as members' sockets drain between commits.
      await new Promise((resolve) => setImmediate(resolve))
    }
  } finally {
    close()
  }
  return micros / batches.length
}

console.log(
  `relaying a batch: one frame per update vs one per connection (${BATCHES} batches, median of ${ROUNDS})`,
)
console.log(
  '  members batch  frame per update  corked per conn.  relay-batch.ts    shared frames     shared/frame per update',
)
console.log('                 µs/batch (/delivery)')
for (const members of ROOM_SIZES) {
  for (const size of BATCH_SIZES) {
    const runs: number[][] = [[], [], [], []]
    for (let round = 0; round < ROUNDS; round++) {
      runs[0]!.push(await measure(perUpdate, members, size))
      runs[1]!.push(await measure(corked, members, size))
      runs[2]!.push(await measure(batched, members, size))
      runs[3]!.push(await measure(shared, members, size))
    }
    const deliveries = size * (members - 1)
    const [a, c, b, w] = runs.map(median) as [number, number, number, number]
    const cell = (micros: number) =>
      `${micros.toFixed(1).padStart(8)} (${(micros / deliveries).toFixed(2).padStart(5)})`
    console.log(
      `  ${String(members).padStart(7)} ${String(size).padStart(5)}  ${cell(a)}  ${cell(c)}  ${cell(b)}` +
        `  ${cell(w)}   ${(w / a).toFixed(2)}`,
    )
  }
}
process.exit(0)
