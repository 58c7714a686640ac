/** One measured load phase against one server: shared by `npm run bench` and `bench:phases`. */
import type { ServerAdapter } from './adapters/adapter.ts'
import { sleep } from '../helpers/clients.ts'
import { connectClients, destroyClients, driveEdits, type LoadShape } from './load.ts'

/** Connect, edit, measure the server's CPU around the edits, disconnect. */
export async function loadPhase(adapter: ServerAdapter, rooms: string[], shape: LoadShape) {
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
      benchCpuMicros: benchCpu.user + benchCpu.system,
    }
  } finally {
    destroyClients(clients)
  }
}
