/**
 * `npm run bench:storage`: what one update-log commit costs on this machine, through our own
 * update log (`db/local-update-log.ts`), with SQLite's inline checkpoints and with the
 * server's background checkpointer, by the time between commits: back to back, one every
 * ~3 ms (the relay bench's steady load) and one every ~30 ms (the light load of target 2:
 * 50 members editing every 1–2 s). A sparse commit costs several times one in a tight loop,
 * as the caches have cooled between them. Prints CPU and wall time per commit and the worst
 * commit. Not a test.
 *
 * Env: STORAGE_BENCH_COMMITS (2000; a tenth of it at gaps of 10 ms or more),
 * STORAGE_BENCH_GAP_MS (0,3,30: milliseconds between commits, one run each),
 * STORAGE_BENCH_ROWS (1: updates per commit, from as many rooms; ~10 is a group commit of
 * the heavy load, 8 rooms of 20 at ~1,050 updates/s in windows of 10 ms).
 */
import { openDatabase } from '../../db/client.ts'
import type { CheckpointMode } from '../../db/pragmas.ts'
import { sleep } from '../helpers/clients.ts'
import { makeTempDatabase } from '../helpers/database.ts'
import { percentile } from './metrics.ts'

const manyCommits = Number(process.env.STORAGE_BENCH_COMMITS ?? 2000)
const gaps = (process.env.STORAGE_BENCH_GAP_MS ?? '0,3,30').split(',').map(Number)
const rowsPerCommit = Number(process.env.STORAGE_BENCH_ROWS ?? 1)

async function measure(checkpoints: CheckpointMode, gapMs: number) {
  // Sparse commits take long to wait for; a tenth of them is plenty for the medians.
  const commits = gapMs >= 10 ? Math.ceil(manyCommits / 10) : manyCommits
  const temp = makeTempDatabase()
  const handle = await openDatabase({ url: temp.url, checkpoints, checkpointIntervalMs: 1000 })
  const log = handle.updateLog
  if (!log) throw new Error('a file database has the update log')
  const walls: number[] = []
  let cpuMicros = 0
  try {
    for (let i = 0; i < commits; i++) {
      const entries = Array.from({ length: rowsPerCommit }, (_, row) => ({
        room: `bench-room-${(i * rowsPerCommit + row) % 10}`,
        update: new Uint8Array(40).fill((i + row) % 251),
      }))
      const cpu = process.cpuUsage()
      const started = performance.now()
      log.append(entries)
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

console.log(`storage bench: commits of ${rowsPerCommit} update(s), ${gaps.join(' / ')} ms apart`)
console.log('gap ms  checkpoints   CPU µs/commit   wall p50 µs   p99 µs   max ms   commits > 1 ms')
for (const gapMs of gaps) {
  for (const mode of ['inline', 'background'] as const) {
    const r = await measure(mode, gapMs)
    console.log(
      `${String(gapMs).padStart(6)}  ${r.checkpoints.padEnd(12)}  ${r.cpu.toFixed(1).padStart(13)}` +
        `  ${r.p50.toFixed(0).padStart(12)}  ${r.p99.toFixed(0).padStart(7)}` +
        `  ${(r.max / 1000).toFixed(1).padStart(7)}  ${String(r.over1ms).padStart(15)}`,
    )
  }
}
