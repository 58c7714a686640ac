/**
 * `npm run bench:overview`: how long the round overview takes to answer for a round of 50
 * groups (target < 1 s), and how long it holds the event loop (the relay) at a time.
 *
 * A real server on a temporary libSQL file; 50 groups made as the round lead makes them,
 * each filled in as a year of meetings would be (scores in the five phases with a comment
 * beside each, PDSA plans with levels: tests/helpers/round-of-groups.ts); then the rooms
 * unload, so the overview reads every workspace from the store: the slowest case. Knobs:
 * BENCH_GROUPS (50), BENCH_REQUESTS (20), BENCH_COMMENT (characters per comment, 200).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import * as Y from 'yjs'
import type { RoundOverview } from '../../shared/round-overview-api.ts'
import type { LeadSessionResponse } from '../../shared/rounds-api.ts'
import { waitFor } from '../helpers/clients.ts'
import { makeTempDatabase } from '../helpers/database.ts'
import { buildRound } from '../helpers/round-of-groups.ts'
import { startTestServer } from '../helpers/server.ts'

const groups = Number(process.env.BENCH_GROUPS ?? 50)
const requests = Number(process.env.BENCH_REQUESTS ?? 20)
const commentLength = Number(process.env.BENCH_COMMENT ?? 200)

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!
const ms = (value: number) => `${value.toFixed(1)} ms`

async function main() {
  const database = makeTempDatabase()
  const server = await startTestServer(database.url)
  try {
    const started = performance.now()
    const round = await buildRound(server.services, { groups, seed: 50, commentLength })
    const rooms = round.groups.map((group) => group.room)
    await waitFor(
      () => rooms.every((room) => server.services.rooms.stateOf(room) === 'unloaded'),
      30_000,
      'rooms to unload',
    )
    const sizes = await Promise.all(
      rooms.map(async (room) => {
        const stored = await server.services.store.load(room)
        const doc = new Y.Doc()
        for (const update of [stored.snapshot, ...stored.updates])
          if (update) Y.applyUpdate(doc, update)
        const bytes = Y.encodeStateAsUpdate(doc).byteLength
        doc.destroy()
        return bytes
      }),
    )
    console.log(
      `built ${groups} groups in ${ms(performance.now() - started)}; workspaces ` +
        `${(Math.min(...sizes) / 1024).toFixed(1)}–${(Math.max(...sizes) / 1024).toFixed(1)} kB`,
    )

    const { token } = await server.services.leads.invite({
      cohortId: null,
      expiresAt: new Date(Date.now() + 600_000),
      createdBy: null,
    })
    const joined = await fetch(`${server.url}/api/lead/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, displayName: 'Bench' }),
    })
    const { session } = (await joined.json()) as LeadSessionResponse
    const url = `${server.url}/api/rounds/${round.cohortId}/overview`

    const times: number[] = []
    const loop = monitorEventLoopDelay({ resolution: 1 })
    loop.enable()
    for (let i = 0; i < requests + 1; i += 1) {
      const begun = performance.now()
      const response = await fetch(url, { headers: { authorization: `Bearer ${session}` } })
      const body = (await response.json()) as RoundOverview
      const took = performance.now() - begun
      if (response.status !== 200 || body.groups.length !== groups)
        throw new Error(`overview answered ${response.status} with ${body.groups?.length} groups`)
      // The first warms the JIT and the database's caches: neither its time nor its delay counts.
      if (i === 0) loop.reset()
      else times.push(took)
    }
    loop.disable()
    const loaded = rooms.filter((room) => server.services.rooms.stateOf(room) !== 'unloaded')
    times.sort((a, b) => a - b)
    const median = percentile(times, 50)
    console.log(
      `round overview, ${groups} groups read from the store, ${requests} requests one after another:\n` +
        `  median ${ms(median)}, p95 ${ms(percentile(times, 95))}, max ${ms(times.at(-1)!)} ` +
        `(target < 1000 ms: ${median < 1000 ? 'met' : 'MISSED'})\n` +
        `  longest event-loop delay meanwhile ${ms(loop.max / 1e6)} (p99 ${ms(loop.percentile(99) / 1e6)}): ` +
        `what the relay waited at most\n` +
        `  rooms loaded by the overview: ${loaded.length}`,
    )
  } finally {
    await server.close()
    database.remove()
  }
}

await main()
