/**
 * `npm run bench:export`: what building a round's checklist workbook (50 groups) costs the
 * relay. A real server on a temporary libSQL file, a round of 50 groups filled in as a
 * year of meetings would be (tests/helpers/round-of-groups.ts); two members of one group
 * connected, one typing a character every 20 ms, the other timing each edit's arrival
 * (send to receive: the relay's propagation). Three phases of BENCH_SECONDS each:
 *   idle        nothing else happens
 *   worker      the round lead downloads the round workbook again and again (the route,
 *               the build in the export worker thread, as served)
 *   main thread the same workbook built again and again on the server's own thread (the
 *               same builder, called in-process): what the worker spares the relay
 * and prints propagation p50/p99/max and the event loop's longest delay for each.
 * Knobs: BENCH_GROUPS (50), BENCH_SECONDS (6), BENCH_INTERVAL_MS (20).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type * as Y from 'yjs'
import type { LeadSessionResponse } from '../../shared/rounds-api.ts'
import { checklistCommentsOf } from '../../shared/workspace/index.ts'
import { runExportJob } from '../../server/exports/export-jobs.ts'
import { createExportSources } from '../../server/exports/export-sources.ts'
import type { WorkbookGroup } from '../../server/exports/checklist-xlsx.ts'
import { connectClient, sleep, waitFor, waitForSync } from '../helpers/clients.ts'
import { makeTempDatabase } from '../helpers/database.ts'
import { buildRound } from '../helpers/round-of-groups.ts'
import { startTestServer } from '../helpers/server.ts'

const groupCount = Number(process.env.BENCH_GROUPS ?? 50)
const seconds = Number(process.env.BENCH_SECONDS ?? 6)
const intervalMs = Number(process.env.BENCH_INTERVAL_MS ?? 20)

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN
const ms = (value: number) => `${value.toFixed(1)} ms`

async function main() {
  const database = makeTempDatabase()
  const server = await startTestServer(database.url)
  const { services } = server
  try {
    const round = await buildRound(services, { groups: groupCount, seed: 13, commentLength: 200 })
    const group = round.groups[0]!
    // The rooms the round was written through unload (and compact) first: not measured here.
    await waitFor(
      () => round.groups.every((g) => services.rooms.stateOf(g.room) === 'unloaded'),
      60_000,
      'rooms to unload',
    )

    // Two members of the first group: Anna types, Bo times the arrivals.
    const session = async (name: string) => {
      const { token } = await services.invitations.create({
        groupId: group.id,
        role: 'facilitator',
        expiresAt: new Date(Date.now() + 600_000),
      })
      const joined = await fetch(`${server.url}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ invite: token, name }),
      })
      return ((await joined.json()) as { session: string }).session
    }
    const anna = connectClient(server.url, group.room, await session('Anna'))
    const bo = connectClient(server.url, group.room, await session('Bo'))
    await Promise.all([waitForSync(anna, 20_000), waitForSync(bo, 20_000)])
    const key = [...checklistCommentsOf(anna.doc).keys()][0]!
    const written = checklistCommentsOf(anna.doc).get(key) as Y.Text
    const read = () => checklistCommentsOf(bo.doc).get(key) as Y.Text
    await waitFor(() => read() !== undefined, 5000, 'the comment text on both')

    const { token } = await services.leads.invite({
      cohortId: null,
      expiresAt: new Date(Date.now() + 600_000),
      createdBy: null,
    })
    const lead = (await (
      await fetch(`${server.url}/api/lead/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, displayName: 'Bench' }),
      })
    ).json()) as LeadSessionResponse
    const workbookUrl = `${server.url}/api/rounds/${round.cohortId}/export/checklist.xlsx`
    const inputs: WorkbookGroup[] = []
    // The main-thread phase reads once up front, as the route did before the worker read
    // for itself: it measures the build alone on the relay's thread.
    const sources = createExportSources(services)
    for (const g of round.groups) inputs.push((await sources.workbookGroup(g.id))!)

    async function phase(name: string, load: (running: () => boolean) => Promise<number[]>) {
      const sentAt = new Map<number, number>()
      const latencies: number[] = []
      const base = read().length
      const observer = () => {
        const n = read().length - base
        const at = sentAt.get(n)
        if (at !== undefined) {
          latencies.push(performance.now() - at)
          sentAt.delete(n)
        }
      }
      read().observe(observer)
      const loop = monitorEventLoopDelay({ resolution: 1 })
      loop.enable()
      let running = true
      const loadDone = load(() => running)
      let sent = 0
      const end = performance.now() + seconds * 1000
      while (performance.now() < end) {
        sent += 1
        sentAt.set(sent, performance.now())
        written.insert(0, 'x')
        await sleep(intervalMs)
      }
      running = false
      const builds = await loadDone
      await waitFor(() => sentAt.size === 0, 10_000, 'the last edits').catch(() => undefined)
      loop.disable()
      read().unobserve(observer)
      latencies.sort((a, b) => a - b)
      builds.sort((a, b) => a - b)
      console.log(
        `${name.padEnd(12)} edits ${latencies.length}/${sent}: p50 ${ms(percentile(latencies, 50))}, ` +
          `p99 ${ms(percentile(latencies, 99))}, max ${ms(latencies.at(-1) ?? NaN)}; ` +
          `event loop max delay ${ms(loop.max / 1e6)}` +
          (builds.length > 0
            ? `; ${builds.length} workbooks, median ${ms(percentile(builds, 50))} each`
            : ''),
      )
      return percentile(latencies, 99)
    }

    // Warm the worker, the JIT and the caches once.
    await fetch(workbookUrl, { headers: { authorization: `Bearer ${lead.session}` } })
    console.log(
      `round of ${groupCount} groups; a character typed every ${intervalMs} ms, ${seconds} s per phase`,
    )
    const idle = await phase('idle', async () => [])
    const worker = await phase('worker', async (running) => {
      const builds: number[] = []
      while (running()) {
        const begun = performance.now()
        const response = await fetch(workbookUrl, {
          headers: { authorization: `Bearer ${lead.session}` },
        })
        const bytes = (await response.arrayBuffer()).byteLength
        if (response.status !== 200 || bytes < 1000) throw new Error(`workbook: ${response.status}`)
        builds.push(performance.now() - begun)
      }
      return builds
    })
    const mainThread = await phase('main thread', async (running) => {
      const builds: number[] = []
      while (running()) {
        const begun = performance.now()
        await runExportJob({
          kind: 'checklist',
          input: { lang: 'sv', title: 'bench', groups: inputs },
        })
        builds.push(performance.now() - begun)
        await sleep(0)
      }
      return builds
    })
    console.log(
      `relay p99 while round workbooks are built: ${ms(worker)} in the worker ` +
        `(idle ${ms(idle)}), ${ms(mainThread)} if built on the relay's thread`,
    )
    anna.destroy()
    bo.destroy()
  } finally {
    await server.close()
    database.remove()
  }
}

await main()
