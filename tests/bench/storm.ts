/**
 * `npm run bench:storm`: the reconnect storm of issue 14. STORM_CLIENTS clients in
 * STORM_ROOMS rooms are connected and synced; the server gets SIGTERM; while it is down
 * every client makes one edit (offline, as a member typing through a restart); the server
 * starts again on the same port and storage. Measured: how long until every client is
 * reconnected, synced and holds every edit of its room (from the restarted server answering,
 * and from the SIGTERM), whether any edit is lost, the server's CPU and its longest
 * event-loop stall meanwhile. Ours against @y/websocket-server, each in its own process,
 * with the same y-websocket clients (their own reconnect backoff). Not a test.
 *
 * Env: STORM_CLIENTS (2000), STORM_ROOMS (200), STORM_SERVERS (ours,y-websocket-server),
 * STORM_TIMEOUT_MS (60000: a storm that does not settle by then is reported as such),
 * STORM_PROFILE (1: a CPU profile of each server from its restart until the storm settled),
 * BENCH_OURS_ENTRY (as for `npm run bench`).
 */
import type * as Y from 'yjs'
import type { ServerAdapter } from './adapters/adapter.ts'
import { isServerId, starters } from './adapters/index.ts'
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { errorWarning, killAllChildren, repoRoot, type Sample } from './child.ts'
import { formatProfile, summariseProfile } from './profile.ts'
import { envNumber } from './env.ts'
import { connectClients, destroyClients, type BenchClient } from './load.ts'
import { checklistScoresOf } from '../../shared/workspace/index.ts'
import { sleep } from '../helpers/clients.ts'
import { describeStallCauses, stallCauses, type StallCauses } from './stall-causes.ts'

const clientCount = envNumber('STORM_CLIENTS', 2000)
const roomCount = Math.max(1, envNumber('STORM_ROOMS', 200))
const timeoutMs = envNumber('STORM_TIMEOUT_MS', 60_000)
const servers = (process.env.STORM_SERVERS ?? 'ours,y-websocket-server').split(',')
const profile = process.env.STORM_PROFILE === '1'
const perRoom = Math.ceil(clientCount / roomCount)

/** The key a client's edit during the restart writes (a participant's checklist score). */
const keyOf = (slot: number) => `bench|storm:${slot}`

interface StormResult {
  label: string
  clients: number
  restartMs: number
  /** Of restartMs: from SIGTERM until the old process had exited. */
  stopMs: number
  fromReadyMs: number | null
  fromSigtermMs: number | null
  lostEdits: number
  serverCpuMs: number
  maxLoopStallMs: number
  /**
   * Of maxLoopStallMs: the longest once a client had synced. Before it the restarted server
   * may be loading its code (ours listens first and holds what arrives meanwhile, so that
   * load falls in the storm's window; a server that loads before it listens has it outside).
   */
  servingLoopStallMs: number
  /** What the restarted server's stalls were made of. */
  stallCauses: StallCauses
  /** Each settled client's time from the restart answering, ascending. */
  settledFromReadyMs: number[]
  /** Each client's first sync with the restarted server, from it answering, ascending. */
  syncedFromReadyMs: number[]
}

const clientCountOf = (byRoom: readonly (readonly BenchClient[])[]) =>
  byRoom.reduce((sum, room) => sum + room.length, 0)

/** Quantiles of an ascending list, as `p10 … max` in seconds. */
const spread = (sorted: readonly number[]): string =>
  ([10, 50, 90, 99, 100] as const)
    .map((q) => {
      const value = sorted[Math.min(sorted.length - 1, Math.ceil((q / 100) * sorted.length) - 1)]
      return `${q === 100 ? 'max' : `p${q}`} ${value === undefined ? '-' : (value / 1000).toFixed(2)}`
    })
    .join(', ')

async function storm(adapter: ServerAdapter, tag: string): Promise<StormResult> {
  if (!adapter.restart) throw new Error(`${adapter.label} cannot be restarted`)
  const rooms = Array.from({ length: roomCount }, (_, i) => `storm-${tag}-${i}`)
  await adapter.prepare(rooms, perRoom)
  const byRoom = await connectClients(adapter, rooms, perRoom, { timeoutMs: 120_000 })
  try {
    await sleep(500)
    const sigterm = performance.now()
    let exitedAt = sigterm
    // Each member types once while the server is away (their edits are in no server yet).
    const { readyAt } = await adapter.restart(() => {
      exitedAt = performance.now()
      byRoom.forEach((clients) =>
        clients.forEach((client, slot) => scoresOf(client.doc).set(keyOf(slot), 1)),
      )
    })
    // The restarted process: this first sample starts its CPU count (its start-up, before it
    // answered, is not the storm's). Its stall counts go on from the process's start: ours
    // listens before it loads the app, and whether that load fell before or after this
    // sample was a race (the probe answers between two turns), so the storm's longest stall
    // counted it in some runs and not in others. Now every server's start-up counts.
    const before = await adapter.server.sample({ keepStalls: true })
    if (profile) await adapter.server.profileStart()
    const settled = (client: BenchClient, room: readonly BenchClient[]) =>
      client.synced() && room.every((_, slot) => scoresOf(client.doc).has(keyOf(slot)))
    const deadline = performance.now() + timeoutMs
    // When each client was first seen settled: the spread says how much of the storm was
    // the clients' own backoff (waves) and how much the server working through the joins.
    const settledAt = new Map<BenchClient, number>()
    const syncedAt = new Map<BenchClient, number>()
    // Sampled when the first client has synced: the server is serving from then on.
    let serving: Sample | null = null
    let done = false
    while (!done && performance.now() < deadline) {
      const now = performance.now()
      for (const room of byRoom)
        for (const client of room) {
          if (!syncedAt.has(client) && client.synced()) syncedAt.set(client, now)
          if (!settledAt.has(client) && settled(client, room)) settledAt.set(client, now)
        }
      if (!serving && syncedAt.size > 0) serving = await adapter.server.sample()
      done = settledAt.size === clientCountOf(byRoom)
      if (!done) await sleep(20)
    }
    const at = performance.now()
    const fromReady = (times: Map<BenchClient, number>) =>
      [...times.values()].map((t) => t - readyAt).sort((a, b) => a - b)
    const after = await adapter.server.sample()
    // The storm's window, split where the server was first seen serving.
    const windows: [Sample, ...Sample[]] = serving ? [serving, after] : [after]
    if (profile) {
      const path = resolve(repoRoot, 'bench-results', `storm-${adapter.id}.cpuprofile`)
      mkdirSync(dirname(path), { recursive: true })
      await adapter.server.profileStop(path)
      console.log(`profile of ${adapter.label} during the storm (${path}):`)
      console.log(formatProfile(summariseProfile(path)))
    }
    const lostEdits = byRoom.reduce(
      (sum, room) =>
        sum +
        room.reduce(
          (missing, client) =>
            missing + room.filter((_, slot) => !scoresOf(client.doc).has(keyOf(slot))).length,
          0,
        ),
      0,
    )
    return {
      label: adapter.label,
      settledFromReadyMs: fromReady(settledAt),
      syncedFromReadyMs: fromReady(syncedAt),
      clients: clientCountOf(byRoom),
      restartMs: readyAt - sigterm,
      stopMs: exitedAt - sigterm,
      fromReadyMs: done ? at - readyAt : null,
      fromSigtermMs: done ? at - sigterm : null,
      lostEdits,
      serverCpuMs: (after.cpuMicros - before.cpuMicros) / 1000,
      maxLoopStallMs: Math.max(...windows.map((sample) => sample.maxLoopStallMs)),
      servingLoopStallMs: after.maxLoopStallMs,
      stallCauses: stallCauses(before, ...windows),
    }
  } finally {
    destroyClients(byRoom)
  }
}

const scoresOf = (doc: Y.Doc) => checklistScoresOf(doc)

process.setMaxListeners(clientCount + 200)
process.on('exit', killAllChildren)
console.log(
  `reconnect storm: ${perRoom * roomCount} clients in ${roomCount} rooms, SIGTERM and start again`,
)
const results: StormResult[] = []
for (const id of servers) {
  if (!isServerId(id)) throw new Error(`unknown server ${id}`)
  const adapter = await starters[id]()
  try {
    const result = await storm(adapter, id)
    results.push(result)
    const s = (ms: number | null) => (ms === null ? 'not settled' : `${(ms / 1000).toFixed(2)} s`)
    console.log(
      `  ${result.label.padEnd(22)} all ${result.clients} synced with every edit ` +
        `${s(result.fromReadyMs)} after the restart answered (${s(result.fromSigtermMs)} after ` +
        `SIGTERM; restart ${s(result.restartMs)}, of it stopping ${s(result.stopMs)}), ` +
        `${result.lostEdits} edits missing, ` +
        `server CPU ${(result.serverCpuMs / 1000).toFixed(2)} s, ` +
        `longest loop stall ${result.maxLoopStallMs.toFixed(1)} ms, ` +
        `${result.servingLoopStallMs.toFixed(1)} ms once a client had synced ` +
        `(${describeStallCauses(result.stallCauses)})`,
    )
    console.log(
      `  ${''.padEnd(22)} s after the restart answered: each client synced ` +
        `${spread(result.syncedFromReadyMs)}; with every edit ${spread(result.settledFromReadyMs)}`,
    )
    const warning = errorWarning(adapter.label, adapter.server)
    if (warning) console.log(warning)
  } finally {
    await adapter.stop()
  }
}
const [ours, reference] = results
if (ours?.fromReadyMs && reference?.fromReadyMs)
  console.log(
    `  ours/${reference.label}: ${(ours.fromReadyMs / reference.fromReadyMs).toFixed(2)} ` +
      '(time to every client synced, from the restart answering)',
  )
process.exit(0)
