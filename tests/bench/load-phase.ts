/** One measured load phase against one server: shared by `npm run bench` and `bench:phases`. */
import type { ServerAdapter } from './adapters/adapter.ts'
import type { ChildServer } from './child.ts'
import { sleep } from '../helpers/clients.ts'
import { steadyShape } from './env.ts'
import { connectClients, destroyClients, driveEdits, type LoadShape } from './load.ts'
import { stallCauses } from './stall-causes.ts'

/**
 * Longer than any server keeps the rooms a phase left: ours unloads an empty room after
 * ROOM_GRACE_MS (1 s in the bench), storing a snapshot on the way; the references drop
 * theirs when the last client leaves. Without this wait ours did that for the previous
 * phase's rooms inside the measured one, and its CPU per delivery counted it.
 */
const SETTLE_MS = 1500
/** The server counts as quiet below this share of a core over one window. */
const QUIET_SHARE = 0.02
const QUIET_WINDOW_MS = 250
const QUIET_TIMEOUT_MS = 5000

/** Waits out what earlier phases left the server to do, then until it is quiet. */
async function settle(server: ChildServer): Promise<void> {
  await sleep(SETTLE_MS)
  const started = Date.now()
  let previous = await server.sample()
  while (Date.now() - started < QUIET_TIMEOUT_MS) {
    await sleep(QUIET_WINDOW_MS)
    const next = await server.sample()
    const share = (next.cpuMicros - previous.cpuMicros) / (QUIET_WINDOW_MS * 1000)
    previous = next
    if (share < QUIET_SHARE) return
  }
}

/** Connect, edit, measure the server's CPU around the edits, disconnect. */
export async function loadPhase(adapter: ServerAdapter, rooms: string[], shape: LoadShape) {
  await settle(adapter.server)
  await adapter.prepare(rooms, shape.clientsPerRoom)
  const clients = await connectClients(adapter, rooms, shape.clientsPerRoom)
  try {
    await sleep(300) // initial awareness and sync traffic settles
    const before = await adapter.server.sample()
    const benchBefore = process.cpuUsage()
    const result = await driveEdits(clients, shape)
    const benchCpu = process.cpuUsage(benchBefore)
    const after = await adapter.server.sample()
    return {
      ...result,
      serverCpuMicros: after.cpuMicros - before.cpuMicros,
      serverSystemCpuMicros: after.systemCpuMicros - before.systemCpuMicros,
      /** The server's longest event-loop stall during the edits (the sample before resets it). */
      maxLoopStallMs: after.maxLoopStallMs,
      /** What the stalls during the edits were made of. */
      stallCauses: stallCauses(before, after),
      benchCpuMicros: benchCpu.user + benchCpu.system,
    }
  } finally {
    destroyClients(clients)
  }
}

/**
 * A server's warm-up before anything is measured: the shape's rooms and clients, editing at
 * least as often as the `steady` shape does. At the `light` shape's own rate (~33 updates a
 * second) ours took ~3 minutes to reach its steady CPU per delivery (30 s phases of one
 * process: 449–488, 338–379, 292–336, 272–320 µs; the JIT compiler threads' CPU falling from
 * ~53 to ~14 ticks a phase) while @y/websocket-server was there in its second phase. After
 * this warm-up ours' first light phase was at its later level (273 µs). A warm-up that warms
 * is all this is: ours' first round in `npm run bench` stayed above its others (session 29).
 */
export function warmUpPhase(adapter: ServerAdapter, rooms: string[], shape: LoadShape, ms: number) {
  return loadPhase(adapter, rooms, {
    ...shape,
    loadMs: ms,
    minIntervalMs: Math.min(shape.minIntervalMs, steadyShape.minIntervalMs),
    maxIntervalMs: Math.min(shape.maxIntervalMs, steadyShape.maxIntervalMs),
    seed: 0,
  })
}
