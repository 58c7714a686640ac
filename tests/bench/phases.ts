/**
 * `npm run bench:phases -- <server> [phases] [seconds]`: one server under the bench's load
 * for several consecutive phases, each printed as it ends. Shows how long a server takes to
 * warm up and how far it then drifts: the way to A/B a change to the relay, since
 * consecutive phases of one process vary less than the rounds of `npm run bench`.
 * Servers: ours, y-websocket-server, hocuspocus, ours-memory-log. Not a test.
 */
import { isServerId, starters } from './adapters/index.ts'
import { errorWarning, killAllChildren } from './child.ts'
import { envNumber, readLoadShape } from './env.ts'
import { loadPhase, warmUpPhase } from './load-phase.ts'
import { percentile } from './metrics.ts'
import { describeStallCauses } from './stall-causes.ts'

const [id = '', phasesArg = '6', secondsArg = '10'] = process.argv.slice(2)
if (!isServerId(id)) {
  console.error(`usage: npm run bench:phases -- <${Object.keys(starters).join('|')}> [phases] [s]`)
  process.exit(2)
}
const phases = Number(phasesArg)
// The bench's load (BENCH_ROOMS and the other knobs of run.ts apply), in phases of [s].
const shape = { ...readLoadShape(), loadMs: Number(secondsArg) * 1000 }

// y-websocket's provider adds a process 'exit' listener per instance.
process.setMaxListeners(shape.rooms * shape.clientsPerRoom + 20)
process.on('exit', killAllChildren)
const rooms = (tag: string) => Array.from({ length: shape.rooms }, (_, i) => `phases-${tag}-${i}`)
const adapter = await starters[id]()
try {
  console.log(`${adapter.label}, pid ${adapter.server.pid}: ${phases} phases of ${secondsArg} s`)
  // BENCH_WARMUP_MS: warm up as `npm run bench` does before phase 1 (none by default, so the
  // first phases show the warm-up itself).
  const warmUpMs = envNumber('BENCH_WARMUP_MS', 0)
  if (warmUpMs > 0) {
    const warmUp = await warmUpPhase(adapter, rooms('warmup'), shape, warmUpMs)
    console.log(
      `  warm-up: ${warmUp.deliveries} deliveries, longest loop stall ${warmUp.maxLoopStallMs.toFixed(1)} ms`,
    )
  }
  for (let phase = 1; phase <= phases; phase++) {
    const load = await loadPhase(adapter, rooms(String(phase)), { ...shape, seed: phase })
    const cpu = load.serverCpuMicros / Math.max(1, load.deliveries)
    const stolen = load.stallCauses.stolenShare
    console.log(
      `  phase ${phase}: ${cpu.toFixed(1)} µs/delivery ` +
        `(kernel ${((100 * load.serverSystemCpuMicros) / load.serverCpuMicros).toFixed(0)} %), ` +
        `p50 ${percentile(load.latencies, 50).toFixed(2)} ms, ` +
        `p99 ${percentile(load.latencies, 99).toFixed(2)} ms, ` +
        `longest loop stall ${load.maxLoopStallMs.toFixed(1)} ms, ` +
        `${load.deliveries}/${load.expectedDeliveries} delivered` +
        (stolen === null ? '' : `, the host took ${(100 * stolen).toFixed(0)} % of the machine`),
    )
    // With BENCH_STALL_ANATOMY=1: what the longest stall was made of.
    if (load.stallCauses.longestStall) console.log(`    ${describeStallCauses(load.stallCauses)}`)
  }
  const warning = errorWarning(adapter.label, adapter.server)
  if (warning) console.log(warning)
} finally {
  await adapter.stop()
}
process.exit(0)
