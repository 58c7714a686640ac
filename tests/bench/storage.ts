/**
 * `npm run bench:storage`: what one update-log commit costs on this machine, through our own
 * update log (`db/local-update-log.ts`), with SQLite's inline checkpoints and with the
 * server's background checkpointer. Commits are spaced as in the relay bench (one every
 * ~3 ms) because a sparse commit costs more than one in a tight loop (cold caches).
 * Prints CPU and wall time per commit and the worst commit. Not a test.
 *
 * Env: STORAGE_BENCH_COMMITS (3000), STORAGE_BENCH_GAP_MS (3).
 */
import { openDatabase } from '../../db/client.ts'
import type { CheckpointMode } from '../../db/pragmas.ts'
import { sleep } from '../helpers/clients.ts'
import { makeTempDatabase } from '../helpers/database.ts'
import { percentile } from './metrics.ts'

const commits = Number(process.env.STORAGE_BENCH_COMMITS ?? 3000)
const gapMs = Number(process.env.STORAGE_BENCH_GAP_MS ?? 3)

async function measure(checkpoints: CheckpointMode) {
  const temp = makeTempDatabase()
  const handle = await openDatabase({ url: temp.url, checkpoints, checkpointIntervalMs: 1000 })
  const log = handle.updateLog
  if (!log) throw new Error('a file database has the update log')
  const walls: number[] = []
  let cpuMicros = 0
  try {
    for (let i = 0; i < commits; i++) {
      const update = new Uint8Array(40).fill(i % 251)
      const cpu = process.cpuUsage()
      const started = performance.now()
      log.append([{ room: `bench-room-${i % 10}`, update }])
      walls.push((performance.now() - started) * 1000)
      const used = process.cpuUsage(cpu)
      cpuMicros += used.user + used.system
      if (gapMs > 0) await sleep(gapMs)
    }
  } finally {
    await handle.close()
    temp.remove()
  }
  return {
    checkpoints,
    cpu: cpuMicros / commits,
    p50: percentile(walls, 50),
    p99: percentile(walls, 99),
    max: percentile(walls, 100),
    over1ms: walls.filter((w) => w > 1000).length,
  }
}

console.log(`storage bench: ${commits} single-update commits, one every ${gapMs} ms`)
console.log('checkpoints   CPU µs/commit   wall p50 µs   p99 µs   max ms   commits > 1 ms')
for (const mode of ['inline', 'background'] as const) {
  const r = await measure(mode)
  console.log(
    `${r.checkpoints.padEnd(12)}  ${r.cpu.toFixed(1).padStart(13)}  ${r.p50.toFixed(0).padStart(12)}` +
      `  ${r.p99.toFixed(0).padStart(7)}  ${(r.max / 1000).toFixed(1).padStart(7)}  ${String(r.over1ms).padStart(15)}`,
  )
}
