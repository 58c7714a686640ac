/** Memory per idle connection, shared by `npm run bench` and `npm run bench:idle`. */
import type { ServerAdapter } from './adapters/adapter.ts'
import type { Sample } from './child.ts'
import { sleep } from '../helpers/clients.ts'
import { connectClients, destroyClients, type BenchClient } from './load.ts'
import { slope } from './metrics.ts'

/**
 * RSS after a full GC, once it has settled: freed pages go back to the system a little
 * later (malloc trimming, V8 releasing pages), so sample until two readings agree.
 */
async function settledSample(adapter: ServerAdapter) {
  let last = await adapter.server.sample({ gc: true })
  for (let i = 0; i < 8; i++) {
    await sleep(400)
    const next = await adapter.server.sample({ gc: true })
    const settled = Math.abs(next.rssBytes - last.rssBytes) < 256 * 1024
    last = next
    if (settled) break
  }
  return last
}

const IDLE_STEPS = 5

/**
 * Memory per idle connection: clients connect in steps (each synced, then idle), the
 * server's memory is read after each step, and the figure is the least-squares slope over
 * the steps after the first. The first step is left out and a slope is used because a
 * server keeps pages freed after earlier phases (V8, malloc, SQLite's cache), which the
 * first connections reuse and any single reading can catch being returned.
 */
export async function idlePhase(
  adapter: ServerAdapter,
  idleRooms: readonly string[],
  idlePerRoom: number,
) {
  await adapter.prepare(idleRooms, idlePerRoom)
  const perStep = Math.max(1, Math.floor(idlePerRoom / IDLE_STEPS))
  const connected: BenchClient[][][] = []
  const readings: { connections: number; sample: Sample }[] = []
  try {
    for (let step = 0; step < IDLE_STEPS; step++) {
      const clients = await connectClients(adapter, idleRooms, perStep, {
        timeoutMs: 30_000,
        firstSlot: step * perStep,
      })
      connected.push(clients)
      await sleep(500)
      const connections = (step + 1) * perStep * idleRooms.length
      readings.push({ connections, sample: await settledSample(adapter) })
    }
  } catch (error) {
    throw new Error(`${adapter.label}, idle phase: ${String(error)}`)
  } finally {
    for (const clients of connected) destroyClients(clients)
  }
  const measured = readings.slice(1)
  const per = (pick: (sample: Sample) => number) =>
    slope(measured.map((r) => ({ x: r.connections, y: pick(r.sample) })))
  return {
    readings: readings.map(({ connections, sample }) => ({
      connections,
      rssBytes: sample.rssBytes,
      heapUsedBytes: sample.heapUsedBytes,
    })),
    connections: (measured.at(-1)?.connections ?? 0) - (readings[0]?.connections ?? 0),
    before: (readings[1] ?? readings[0])!.sample,
    after: readings.at(-1)!.sample,
    rssPerConnection: per((s) => s.rssBytes),
    heapUsedPerConnection: per((s) => s.heapUsedBytes),
    heapTotalPerConnection: per((s) => s.heapTotalBytes),
    externalPerConnection: per((s) => s.externalBytes),
  }
}
