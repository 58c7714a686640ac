/**
 * `npm run bench:idle`: memory per idle connection (RSS and V8 heap, slope over steps of
 * connected, synced, idle clients; see idle-phase.ts), ours against @y/websocket-server,
 * each in a fresh process. The idle part of `npm run bench` alone, to check a change to
 * what a connection holds without the whole bench. Not a test.
 *
 * Env: BENCH_IDLE_CONNECTIONS (1000), BENCH_IDLE_ROOMS (10), BENCH_SERVERS
 * (ours,y-websocket-server), BENCH_OURS_ENTRY (as for `npm run bench`).
 */
import { isServerId, starters } from './adapters/index.ts'
import { killAllChildren } from './child.ts'
import { envNumber } from './env.ts'
import { idlePhase } from './idle-phase.ts'

const connections = envNumber('BENCH_IDLE_CONNECTIONS', 1000)
const roomCount = Math.max(1, envNumber('BENCH_IDLE_ROOMS', 10))
const servers = (process.env.BENCH_SERVERS ?? 'ours,y-websocket-server').split(',')
const rooms = Array.from({ length: roomCount }, (_, i) => `bench-idle-${i}`)
const perRoom = Math.ceil(connections / roomCount)

process.setMaxListeners(connections + 200)
process.on('exit', killAllChildren)
console.log(`idle memory: ${perRoom * roomCount} connections in ${roomCount} rooms`)
for (const id of servers) {
  if (!isServerId(id)) throw new Error(`unknown server ${id}`)
  const adapter = await starters[id]()
  try {
    const idle = await idlePhase(adapter, rooms, perRoom)
    const kB = (bytes: number) => `${(bytes / 1000).toFixed(1).padStart(6)} kB`
    console.log(
      `  ${adapter.label.padEnd(22)} RSS ${kB(idle.rssPerConnection)}, heap used ` +
        `${kB(idle.heapUsedPerConnection)}, external ${kB(idle.externalPerConnection)} per connection`,
    )
    // The readings the slopes come from: RSS swings when a process returns freed pages.
    const MB = (bytes: number) => (bytes / 1e6).toFixed(1)
    console.log(
      '    ' +
        idle.readings
          .map((r) => `${r.connections}: RSS ${MB(r.rssBytes)} MB, heap ${MB(r.heapUsedBytes)} MB`)
          .join('; '),
    )
  } finally {
    await adapter.stop()
  }
}
process.exit(0)
