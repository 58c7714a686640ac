/**
 * `npm run bench`: our relay (auth + persistence on) against @y/websocket-server and
 * @hocuspocus/server, each in its own process, under the same load, in alternating rounds.
 * Prints medians, ratios ours/reference and the targets; writes bench-results/latest.json.
 * Not a test: it asserts nothing and is not part of `npm test`.
 *
 * Env (all optional): BENCH_SHAPE (steady, light or heavy: the load and issue 14's targets
 * for it, see env.ts; `npm run bench:light` and `bench:heavy` run ours, @y/websocket-server
 * and ours with the log in memory in those), BENCH_ROUNDS (3), BENCH_ROOMS (10),
 * BENCH_CLIENTS (5 per room), BENCH_LOAD_MS (10000; these three and the intervals override
 * the shape's), BENCH_WARMUP_MS (30000: each server's first load, not measured),
 * BENCH_REWARM_MS (10000: the same load again, unmeasured, before each measured phase),
 * BENCH_MIN_INTERVAL_MS (100), BENCH_MAX_INTERVAL_MS (200),
 * BENCH_IDLE_CONNECTIONS (1000), BENCH_IDLE_ROOMS (10), BENCH_PROFILE (1 or ours: after the
 * rounds, profile one more load phase of our relay and print where its CPU time goes; all:
 * the same for every server, for comparison),
 * BENCH_TIMEOUT_MS (1800000: hard stop), BENCH_SERVERS (a comma-separated subset of ours,
 * y-websocket-server, hocuspocus, ours-memory-log, y-websocket-server-leveldb,
 * ours-unchecked (the relay without its update gate and write policy: what they cost) and
 * ours-no-policy (without the write policy only); all seven by default, for quicker
 * experiments a subset (`npm run bench:checks`: ours, both of those and y-websocket-server)),
 * BENCH_NODE_FLAGS (extra node flags for every server process, e.g. --perf-basic-prof),
 * BENCH_SERVER_CPUS (cores for every server process, through taskset, e.g. 0 with the bench
 * itself under `taskset -c 1`: the server's stalls and CPU are then not waits for the clients),
 * BENCH_SERVER_NICE (every server process's nice value, e.g. -5, below 0 as root: the servers
 * then get a core before the bench's clients do),
 * BENCH_SERVER_LOG (a file every server's output is appended to, e.g. with
 * BENCH_NODE_FLAGS=--trace-gc), BENCH_STALL_ANATOMY (1: every phase's longest stall split
 * into running, waiting for a CPU and neither, with its GC pauses: servers/stall-anatomy.js;
 * also in bench:phases, bench:storm and bench:capacity; costs the servers CPU),
 * BENCH_OURS_ENTRY (our server's entry: dist/node/server/main.js, the build `npm start`
 * runs; server/main.ts for the source through tsx).
 */
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ServerAdapter } from './adapters/adapter.ts'
import { starters } from './adapters/index.ts'
import { errorWarning, killAllChildren, repoRoot } from './child.ts'
import { envNumber as num, readLoadShape, readShapeTargets } from './env.ts'
import { loadPhase, warmUpPhase } from './load-phase.ts'
import { percentile } from './metrics.ts'
import { idlePhase } from './idle-phase.ts'
import { formatProfile, summariseProfile } from './profile.ts'
import { formatReport, judge, summarise, writeJson, type RoundResult } from './report.ts'
import { describeStallCauses } from './stall-causes.ts'

const config = {
  rounds: num('BENCH_ROUNDS', 3),
  shape: readLoadShape(),
  idleConnections: num('BENCH_IDLE_CONNECTIONS', 1000),
  idleRooms: num('BENCH_IDLE_ROOMS', 10),
  // Long enough for the JIT to settle at the full load: our server's CPU per delivery kept
  // falling for 20-30 s (178, 150, then 104-116 µs in 10 s phases), the smaller
  // @y/websocket-server's for ~20 s. A long-running server is measured, not a fresh one.
  warmupMs: num('BENCH_WARMUP_MS', 30_000),
  rewarmMs: num('BENCH_REWARM_MS', 10_000),
  profile: (process.env.BENCH_PROFILE ?? '').replace(/^1$/, 'ours'),
  timeoutMs: num('BENCH_TIMEOUT_MS', 1_800_000),
  /** For experiments: which servers run (ours first; ratios need y-websocket-server). */
  servers: (
    process.env.BENCH_SERVERS ??
    'ours,y-websocket-server,hocuspocus,ours-memory-log,y-websocket-server-leveldb,ours-unchecked,ours-no-policy'
  ).split(','),
}
const resultsDir = resolve(repoRoot, 'bench-results')
const idlePerRoom = Math.ceil(config.idleConnections / Math.max(1, config.idleRooms))
const idleRooms = Array.from({ length: config.idleRooms }, (_, i) => `bench-idle-${i}`)
const loadRooms = (tag: string) =>
  Array.from({ length: config.shape.rooms }, (_, i) => `bench-${tag}-load-${i}`)

/**
 * Idle memory in a fresh process of the same server: one that has carried load keeps
 * (and returns at unpredictable moments) memory from it, which made the readings of a
 * long-running process swing by tens of kB per connection between rounds.
 */
async function idleInFreshProcess(id: ServerAdapter['id']) {
  const fresh = await starters[id]()
  try {
    return await idlePhase(fresh, idleRooms, idlePerRoom)
  } finally {
    await fresh.stop()
  }
}

async function measure(adapter: ServerAdapter, roundNo: number): Promise<RoundResult> {
  const shape = { ...config.shape, seed: roundNo }
  const idle = await idleInFreshProcess(adapter.id)
  // A server left idle for minutes while the others ran had lost part of its warm-up (the
  // one measured first after all the warm-ups was slowest, whichever it was): the same
  // load, unmeasured, just before the measured phase.
  const rewarm = await loadPhase(adapter, loadRooms(`r${roundNo}-rewarm`), {
    ...shape,
    loadMs: config.rewarmMs,
    seed: 100 + roundNo,
  })
  const load = await loadPhase(adapter, loadRooms(`r${roundNo}`), shape)
  const windowMicros = load.windowMs * 1000
  return {
    server: adapter.id,
    round: roundNo,
    edits: load.edits,
    deliveries: load.deliveries,
    expectedDeliveries: load.expectedDeliveries,
    windowMs: load.windowMs,
    serverCpuMicros: load.serverCpuMicros,
    cpuMicrosPerDelivery: load.serverCpuMicros / Math.max(1, load.deliveries),
    kernelCpuShare: load.serverSystemCpuMicros / Math.max(1, load.serverCpuMicros),
    latencyP50Ms: percentile(load.latencies, 50),
    latencyP99Ms: percentile(load.latencies, 99),
    latencyMaxMs: percentile(load.latencies, 100),
    maxLoopStallMs: load.maxLoopStallMs,
    rewarmMaxLoopStallMs: rewarm.maxLoopStallMs,
    stallCauses: load.stallCauses,
    serverCpuShare: load.serverCpuMicros / windowMicros,
    benchCpuShare: load.benchCpuMicros / windowMicros,
    idleConnections: idle.connections,
    rssBeforeBytes: idle.before.rssBytes,
    rssAfterBytes: idle.after.rssBytes,
    rssBytesPerIdleConnection: idle.rssPerConnection,
    heapBytesPerIdleConnection: idle.heapUsedPerConnection,
    heapTotalBytesPerIdleConnection: idle.heapTotalPerConnection,
    externalBytesPerIdleConnection: idle.externalPerConnection,
    idleReadings: idle.readings,
  }
}

async function main(): Promise<void> {
  const started = Date.now()
  const { shape } = config
  console.log(
    `bench: ${config.rounds} rounds; load '${shape.name}': ${shape.rooms} rooms × ${shape.clientsPerRoom} clients, ` +
      `an edit every ${shape.minIntervalMs}–${shape.maxIntervalMs} ms for ${shape.loadMs / 1000} s; ` +
      `idle ${idlePerRoom * config.idleRooms} connections in ${config.idleRooms} rooms`,
  )
  const adapters: ServerAdapter[] = []
  try {
    for (const [id, start] of Object.entries(starters)) {
      if (config.servers.includes(id)) adapters.push(await start())
    }
    for (const adapter of adapters) {
      console.log(`  ${adapter.label}: pid ${adapter.server.pid}, warming up`)
      const warmup = await warmUpPhase(adapter, loadRooms('warmup'), shape, config.warmupMs)
      console.log(`    warm-up: longest loop stall ${warmup.maxLoopStallMs.toFixed(1)} ms`)
    }
    const results: RoundResult[] = []
    for (let roundNo = 1; roundNo <= config.rounds; roundNo++) {
      // Rotate the order each round (A B C, B C A, C A B) so no server always goes first.
      const order = adapters.map((_, i) => adapters[(i + roundNo - 1) % adapters.length]!)
      for (const adapter of order) {
        const result = await measure(adapter, roundNo)
        results.push(result)
        console.log(
          `  round ${roundNo} ${adapter.label.padEnd(20)} ` +
            `${result.cpuMicrosPerDelivery.toFixed(1)} µs/delivery, ` +
            `p50 ${result.latencyP50Ms.toFixed(2)} ms, p99 ${result.latencyP99Ms.toFixed(2)} ms, ` +
            `stall ${result.maxLoopStallMs.toFixed(1)} ms (rewarm ${result.rewarmMaxLoopStallMs.toFixed(1)}; ` +
            `${describeStallCauses(result.stallCauses)}), ` +
            `${(result.rssBytesPerIdleConnection / 1000).toFixed(1)} kB/idle conn, ` +
            `${result.deliveries}/${result.expectedDeliveries} delivered`,
        )
      }
    }

    const summaries = adapters.map((a) =>
      summarise(
        a.label,
        a.id,
        results.filter((r) => r.server === a.id),
      ),
    )
    const [ours, ...refs] = summaries
    if (!ours) throw new Error('no results')
    const verdict = judge(ours, refs, readShapeTargets(), results)
    console.log('\n' + formatReport(summaries, verdict))
    for (const adapter of adapters) {
      const warning = errorWarning(adapter.label, adapter.server)
      if (warning) console.log('\n' + warning)
    }

    const profiles: Record<string, ReturnType<typeof summariseProfile>> = {}
    const profiled = adapters.filter((a) => config.profile === 'all' || config.profile === a.id)
    // The probe writes the profile itself; on a fresh clone the folder is not there yet.
    if (profiled.length > 0) mkdirSync(resultsDir, { recursive: true })
    for (const adapter of profiled) {
      const path = resolve(resultsDir, `${adapter.id}-load.cpuprofile`)
      console.log(`\nprofile of one more load phase of ${adapter.label}:`)
      const rooms = loadRooms('profile')
      await adapter.prepare(rooms, shape.clientsPerRoom)
      await adapter.server.profileStart()
      try {
        await loadPhase(adapter, rooms, { ...shape, seed: 99 })
      } finally {
        await adapter.server.profileStop(path)
      }
      profiles[adapter.id] = summariseProfile(path)
      console.log(formatProfile(profiles[adapter.id]!))
      console.log(`(full profile: ${path})`)
    }

    const out = resolve(resultsDir, 'latest.json')
    writeJson(out, {
      when: new Date().toISOString(),
      node: process.version,
      config,
      summaries,
      ratios: verdict.ratios,
      targets: verdict.targets,
      rounds: results,
      profiles,
    })
    console.log(`\nwrote ${out} (${((Date.now() - started) / 1000).toFixed(0)} s)`)
  } finally {
    await Promise.allSettled(adapters.map((a) => a.stop()))
    killAllChildren()
  }
}

// y-websocket's provider adds a process 'exit' listener per instance.
process.setMaxListeners(config.idleConnections + 200)
process.on('exit', killAllChildren)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`bench: ${signal}, stopping servers`)
    killAllChildren()
    process.exit(130)
  })
}
const watchdog = setTimeout(() => {
  console.error(`bench: did not finish within ${config.timeoutMs} ms; stopping`)
  killAllChildren()
  process.exit(1)
}, config.timeoutMs)

main().then(
  () => {
    clearTimeout(watchdog)
    // Providers' timers may linger for a moment; the bench is done.
    process.exit(0)
  },
  (error: unknown) => {
    console.error('bench failed:', error)
    clearTimeout(watchdog)
    killAllChildren()
    process.exit(1)
  },
)
