/**
 * `npm run bench:capacity`: target 5 of issue 14. How many clients (one edit a second each,
 * rooms of 10) one server on this 2-core machine serves with propagation p99 < 100 ms and
 * nothing lost, ours against the bare @y/websocket-server. Each server runs in a fresh
 * process of its own; the load climbs a ladder of room counts (rooms are added, the earlier
 * ones stay connected), and at each step every client edits for a warm-up and then for the
 * measured phase: p99 of every delivery's propagation, missing deliveries, the server's
 * CPU, the client runners' CPU and event-loop delay, the whole machine's CPU (/proc/stat).
 * A server's capacity is the largest step that passed, below the first that failed. The
 * servers alternate over CAPACITY_ROUNDS (the order rotates each round); the report gives
 * medians and ours / @y/websocket-server. Not a test.
 *
 * The clients run in CAPACITY_CLIENT_PROCESSES runner processes (capacity-runner.ts, whole
 * rooms each), not in this one, on the same two cores as the server. By default they are
 * light (capacity-light.ts: the board's y-websocket provider and load.ts's edits, but a
 * receiver reads the edits' keys from the relayed bytes instead of applying them to its
 * Y.Doc); CAPACITY_CLIENTS=full uses load.ts's clients, which apply every edit and
 * saturate their runner at about 2,000-3,000 clients, long before either server. Even
 * light, the clients cost about what a server does, so each step says who was busy, and a
 * failed step is marked `server-bound` (the server used ≥ 90 % of a core), `bench-bound`
 * (a runner did, or its own loop lag took half the p99 budget), `machine-bound` (both cores
 * ≥ 90 % busy), `server-stalls` (the server's loop stopped longer than the p99 budget
 * without using a core) or `unclear`. A capacity set bench- or machine-bound is a lower
 * bound of the server's own.
 *
 * Env: CAPACITY_STEPS (room counts, 10 clients each: 100,200,250,300,350,400,450,500),
 * CAPACITY_ROUNDS (2), CAPACITY_SERVERS (ours,y-websocket-server), CAPACITY_LOAD_MS (10000:
 * the measured phase), CAPACITY_WARMUP_MS (3000: the same load, unmeasured, before it),
 * CAPACITY_P99_MS (100), CAPACITY_CLIENTS_PER_ROOM (10), CAPACITY_MIN_INTERVAL_MS (900),
 * CAPACITY_MAX_INTERVAL_MS (1100), CAPACITY_CLIENT_PROCESSES (2), CAPACITY_CLIENTS (light;
 * full), BENCH_OURS_ENTRY (as for `npm run bench`), CAPACITY_PROFILE (a step's room count:
 * profile each server's measured phase there and print where its time went),
 * CAPACITY_RUNNER_NODE_FLAGS (node flags for the client runners, e.g. --single-threaded-gc).
 */
import { fork, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { cpus } from 'node:os'
import { dirname, resolve } from 'node:path'
import type { ServerAdapter } from './adapters/adapter.ts'
import { isServerId, starters } from './adapters/index.ts'
import type { RunnerDriveResult, RunnerReply, RunnerRequest } from './capacity-runner.ts'
import { errorWarning, killAllChildren, repoRoot } from './child.ts'
import { envNumber } from './env.ts'
import type { LoadShape } from './load.ts'
import { median, percentile } from './metrics.ts'
import { formatProfile, summariseProfile } from './profile.ts'
import {
  describeStallCauses,
  machineBusyShare,
  stallCauses,
  type StallCauses,
} from './stall-causes.ts'

const config = {
  steps: (process.env.CAPACITY_STEPS ?? '100,200,250,300,350,400,450,500')
    .split(',')
    .map(Number)
    .filter((n) => n > 0),
  rounds: Math.max(1, envNumber('CAPACITY_ROUNDS', 2)),
  servers: (process.env.CAPACITY_SERVERS ?? 'ours,y-websocket-server').split(','),
  loadMs: envNumber('CAPACITY_LOAD_MS', 10_000),
  warmupMs: envNumber('CAPACITY_WARMUP_MS', 3000),
  p99LimitMs: envNumber('CAPACITY_P99_MS', 100),
  perRoom: Math.max(2, envNumber('CAPACITY_CLIENTS_PER_ROOM', 10)),
  minIntervalMs: envNumber('CAPACITY_MIN_INTERVAL_MS', 900),
  maxIntervalMs: envNumber('CAPACITY_MAX_INTERVAL_MS', 1100),
  runners: Math.max(1, envNumber('CAPACITY_CLIENT_PROCESSES', 2)),
  clients: process.env.CAPACITY_CLIENTS === 'full' ? 'full' : 'light',
  /** For experiments: profile each server's measured phase at this step (a room count). */
  profileRooms: envNumber('CAPACITY_PROFILE', 0),
}
/** A process using this share of one core (or the machine of all its cores) is saturated. */
const SATURATED = 0.9

/** A request without its id, per kind (Omit over the union would merge the kinds). */
type Request<R = RunnerRequest> = R extends unknown ? Omit<R, 'id'> : never

interface Runner {
  ask(request: Request): Promise<RunnerReply>
  child: ChildProcess
}

function startRunner(): Runner {
  const child = fork(resolve(repoRoot, 'tests/bench/capacity-runner.ts'), [config.clients], {
    cwd: repoRoot,
    execArgv: [
      // For experiments: how the clients' own threads weigh on the cores the server shares
      // with them ('--single-threaded-gc', session 30: no clear change, see ARCHITECTURE.md).
      ...(process.env.CAPACITY_RUNNER_NODE_FLAGS ?? '').split(' ').filter(Boolean),
      '--import',
      'tsx',
    ],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  let nextId = 1
  const waiting = new Map<number, (reply: RunnerReply) => void>()
  child.on('message', (reply: RunnerReply) => {
    waiting.get(reply.id)?.(reply)
    waiting.delete(reply.id)
  })
  return {
    child,
    ask: (request) =>
      new Promise((done, reject) => {
        const id = nextId++
        waiting.set(id, (reply) =>
          reply.type === 'failed'
            ? reject(new Error(`client runner: ${reply.error}`))
            : done(reply),
        )
        child.send({ ...request, id })
      }),
  }
}

interface Step {
  rooms: number
  clients: number
  p50Ms: number
  p99Ms: number
  missing: number
  serverCpu: number
  /** Each runner's CPU, as a share of one core. */
  runnerCpu: number[]
  runnerLoopP99Ms: number
  machineBusy: number
  serverStallMs: number
  /** What the server's stalls in the measured phase were made of. */
  serverStallCauses: StallCauses
  passed: boolean
  limit: 'server-bound' | 'server-stalls' | 'bench-bound' | 'machine-bound' | 'unclear' | null
}

async function measureStep(
  adapter: ServerAdapter,
  runners: Runner[],
  rooms: number,
  seed: number,
): Promise<Step> {
  const shape = (loadMs: number, s: number): LoadShape => ({
    rooms,
    clientsPerRoom: config.perRoom,
    loadMs,
    minIntervalMs: config.minIntervalMs,
    maxIntervalMs: config.maxIntervalMs,
    seed: s,
  })
  const driveAll = async (s: LoadShape) =>
    (await Promise.all(runners.map((r) => r.ask({ type: 'drive', shape: s, drainMs: 3000 })))).map(
      (reply) => reply as RunnerDriveResult,
    )
  if (config.warmupMs > 0) await driveAll(shape(config.warmupMs, seed + 1000))
  const before = await adapter.server.sample()
  const profiled = config.profileRooms === rooms
  if (profiled) await adapter.server.profileStart()
  const started = performance.now()
  const results = await driveAll(shape(config.loadMs, seed))
  const wallMicros = (performance.now() - started) * 1000
  const after = await adapter.server.sample()
  if (profiled) {
    const path = resolve(repoRoot, 'bench-results', `capacity-${adapter.id}-${rooms}.cpuprofile`)
    mkdirSync(dirname(path), { recursive: true })
    await adapter.server.profileStop(path)
    console.log(`    profiled (its figures include the profiler's cost): ${path}`)
    console.log(formatProfile(summariseProfile(path)).replace(/^/gm, '      '))
  }

  const latencies = new Float64Array(results.reduce((sum, r) => sum + r.latencies.length, 0))
  results.reduce((at, r) => (latencies.set(r.latencies, at), at + r.latencies.length), 0)
  const missing = results.reduce((sum, r) => sum + r.expectedDeliveries - r.deliveries, 0)
  const p99Ms = percentile(latencies, 99)
  const runnerCpu = results.map((r) => r.cpuMicros / (r.windowMs * 1000))
  const machineBusy = machineBusyShare(before, after) ?? 0
  const passed = missing === 0 && p99Ms < config.p99LimitMs
  const serverCpu = (after.cpuMicros - before.cpuMicros) / wallMicros
  const runnerLoopP99Ms = Math.max(...results.map((r) => r.loopDelayP99Ms))
  return {
    rooms,
    clients: rooms * config.perRoom,
    p50Ms: percentile(latencies, 50),
    p99Ms,
    missing,
    serverCpu,
    runnerCpu,
    runnerLoopP99Ms,
    machineBusy,
    serverStallMs: after.maxLoopStallMs,
    serverStallCauses: stallCauses(before, after),
    passed,
    limit: passed
      ? null
      : limitOf(serverCpu, after.maxLoopStallMs, runnerCpu, runnerLoopP99Ms, machineBusy),
  }
}

/**
 * What held a failed step back. The server is one thread: it is the limit when it used a
 * core. The clients are when a runner did, or when a runner's own loop lag (added to every
 * latency it records) took half the p99 budget. A server that stalled longer than the p99
 * budget without using a core is marked so.
 */
function limitOf(
  serverCpu: number,
  serverStallMs: number,
  runnerCpu: number[],
  runnerLoopP99Ms: number,
  machineBusy: number,
): Step['limit'] {
  if (serverCpu >= SATURATED) return 'server-bound'
  if (Math.max(...runnerCpu) >= SATURATED || runnerLoopP99Ms >= config.p99LimitMs / 2)
    return 'bench-bound'
  if (machineBusy >= SATURATED) return 'machine-bound'
  // Below a core, but its loop stopped for longer than the whole p99 budget (GC, or a
  // burst of work larger than its share of the two cores).
  if (serverStallMs >= config.p99LimitMs) return 'server-stalls'
  return 'unclear'
}

const pct = (share: number) => `${Math.round(share * 100)} %`

function formatStep(step: Step): string {
  const verdict = step.passed ? 'pass' : `FAIL (${step.limit})`
  return (
    `    ${String(step.clients).padStart(5)} clients: p50 ${step.p50Ms.toFixed(1)} ms, ` +
    `p99 ${step.p99Ms.toFixed(1)} ms, ${step.missing} missing, server CPU ${pct(step.serverCpu)}, ` +
    `clients CPU ${step.runnerCpu.map(pct).join(' + ')} (loop p99 ${step.runnerLoopP99Ms.toFixed(1)} ms), ` +
    `machine ${pct(step.machineBusy)} of ${cpus().length} cores, server stall ${step.serverStallMs.toFixed(1)} ms ` +
    `(${describeStallCauses(step.serverStallCauses)}): ${verdict}`
  )
}

interface Climb {
  server: ServerAdapter['id']
  label: string
  round: number
  /** Clients at the largest step that passed (0: none did). */
  capacity: number
  /** Every step passed: the capacity is at least `capacity`, the ladder ended first. */
  open: boolean
  /** What was saturated at the first failed step. */
  limit: Step['limit']
  steps: Step[]
}

async function climb(id: ServerAdapter['id'], roundNo: number): Promise<Climb> {
  const adapter = await starters[id]()
  const runners = Array.from({ length: config.runners }, startRunner)
  const steps: Step[] = []
  console.log(`  round ${roundNo}, ${adapter.label} (pid ${adapter.server.pid}):`)
  try {
    let connected = 0
    for (const [index, rooms] of config.steps.entries()) {
      if (rooms <= connected) continue
      const names = Array.from({ length: rooms - connected }, (_, i) => `cap-${connected + i}`)
      await adapter.prepare(names, config.perRoom)
      // Whole rooms to each runner, in turn.
      await Promise.all(
        runners.map((runner, r) =>
          runner.ask({
            type: 'connect',
            rooms: names
              .filter((_, i) => (connected + i) % runners.length === r)
              .map((room) => ({
                room,
                endpoints: Array.from({ length: config.perRoom }, (_, slot) =>
                  adapter.endpoint(room, slot),
                ),
              })),
          }),
        ),
      )
      connected = rooms
      const step = await measureStep(adapter, runners, rooms, roundNo * 100 + index)
      steps.push(step)
      console.log(formatStep(step))
      if (!step.passed) break
    }
    const warning = errorWarning(adapter.label, adapter.server)
    if (warning) console.log(warning)
  } finally {
    for (const runner of runners) runner.child.kill()
    await adapter.stop()
  }
  const passed = steps.filter((s) => s.passed)
  const failed = steps.find((s) => !s.passed)
  return {
    server: id,
    label: adapter.label,
    round: roundNo,
    capacity: passed.at(-1)?.clients ?? 0,
    open: !failed,
    limit: failed?.limit ?? null,
    steps,
  }
}

process.on('exit', killAllChildren)
console.log(
  `capacity: rooms of ${config.perRoom}, an edit every ${config.minIntervalMs}–${config.maxIntervalMs} ms ` +
    `per client, p99 < ${config.p99LimitMs} ms and nothing missing; steps of ${config.steps.join(', ')} rooms; ` +
    `${config.loadMs / 1000} s measured after ${config.warmupMs / 1000} s warm-up; ` +
    `${config.runners} client process(es); ${config.rounds} rounds`,
)
for (const id of config.servers) if (!isServerId(id)) throw new Error(`unknown server ${id}`)
const servers = config.servers as ServerAdapter['id'][]
const climbs: Climb[] = []
for (let roundNo = 1; roundNo <= config.rounds; roundNo++) {
  const order = servers.map(
    (_, i) => servers[(i + roundNo - 1) % servers.length] as ServerAdapter['id'],
  )
  for (const id of order) {
    const result = await climb(id, roundNo)
    climbs.push(result)
    console.log(
      `    capacity ${result.open ? '≥ ' : ''}${result.capacity} clients` +
        (result.limit ? ` (first failed step ${result.limit})` : ''),
    )
  }
}

console.log('\ncapacity (median over rounds):')
const medians = new Map<string, number>()
for (const id of servers) {
  const mine = climbs.filter((c) => c.server === id)
  const value = median(mine.map((c) => c.capacity))
  medians.set(id, value)
  const limits = mine.map((c) => (c.open ? 'ladder ended' : c.limit)).join(', ')
  console.log(
    `  ${(mine[0]?.label ?? id).padEnd(22)} ${value} clients ` +
      `(rounds: ${mine.map((c) => `${c.open ? '≥' : ''}${c.capacity}`).join(', ')}; at the first failed step: ${limits})`,
  )
}
const ours = medians.get('ours')
const reference = medians.get('y-websocket-server')
if (ours !== undefined && reference)
  console.log(`  ours / @y/websocket-server: ${(ours / reference).toFixed(2)} (target ≥ 1.0)`)
if (climbs.some((c) => c.limit !== 'server-bound' && c.limit !== 'server-stalls'))
  console.log(
    '  NOTE: where the first failed step was not server-bound or server-stalls (or the ladder ' +
      'ended), the clients or the two cores shared with them, not the server alone, set that ' +
      "capacity: a lower bound of the server's own.",
  )
process.exit(0)
