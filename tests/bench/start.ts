/**
 * `npm run bench:start`: a server's start on a stored database, with no client, alone on
 * the machine: its longest event-loop stall from the process's start until 1.5 s after it
 * answered (issue 14, target 3: no stall over 20 ms), its longest GC pause and how long it
 * took to answer. Each server is started, then restarted START_RUNS times (7), the servers
 * alternating; medians. `bench:storm` measures the same start under 2,000 reconnecting
 * members; this one says what the start costs by itself.
 *
 * BENCH_SERVERS picks the servers (default ours,y-websocket-server).
 */
import { starters, isServerId } from './adapters/index.ts'
import type { ServerAdapter } from './adapters/adapter.ts'
import { envNumber } from './env.ts'
import { median } from './metrics.ts'
import { sleep } from '../helpers/clients.ts'

interface StartRun {
  answeredMs: number
  maxLoopStallMs: number
  maxGcPauseMs: number
}

const runs = envNumber('START_RUNS', 7)
const ids = (process.env.BENCH_SERVERS ?? 'ours,y-websocket-server').split(',')
for (const id of ids) if (!isServerId(id)) throw new Error(`unknown server ${id}`)

async function restartOnce(adapter: ServerAdapter): Promise<StartRun> {
  if (!adapter.restart) throw new Error(`${adapter.label} cannot be restarted`)
  let exitedAt = 0
  const { readyAt } = await adapter.restart(() => (exitedAt = performance.now()))
  await sleep(1500)
  // The new process's first sample: its stall and GC counts run from its start.
  const sample = await adapter.server.sample({ keepStalls: true })
  return {
    answeredMs: readyAt - exitedAt,
    maxLoopStallMs: sample.maxLoopStallMs,
    maxGcPauseMs: sample.maxGcPauseMs,
  }
}

const adapters: ServerAdapter[] = []
try {
  for (const id of ids) if (isServerId(id)) adapters.push(await starters[id]())
  const results = new Map<ServerAdapter, StartRun[]>(adapters.map((a) => [a, []]))
  for (let run = 0; run < runs; run++)
    for (const adapter of adapters) results.get(adapter)?.push(await restartOnce(adapter))

  console.log(`a server's start on its stored database, no clients (${runs} runs, medians)`)
  for (const [adapter, starts] of results) {
    const stalls = starts.map((s) => s.maxLoopStallMs)
    console.log(
      `  ${adapter.label.padEnd(22)} longest loop stall ${median(stalls).toFixed(1)} ms` +
        ` (${Math.min(...stalls).toFixed(1)}–${Math.max(...stalls).toFixed(1)}),` +
        ` longest GC pause ${median(starts.map((s) => s.maxGcPauseMs)).toFixed(1)} ms,` +
        ` answering ${median(starts.map((s) => s.answeredMs)).toFixed(0)} ms after the old one exited`,
    )
  }
} finally {
  for (const adapter of adapters) await adapter.stop()
}
