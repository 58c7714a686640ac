/** Aggregates rounds into medians, ratios against the references, targets; prints and saves. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { ShapeTargets } from './env.ts'
import { median, round } from './metrics.ts'
import type { StallCauses } from './stall-causes.ts'

export interface RoundResult {
  server: string
  round: number
  edits: number
  deliveries: number
  expectedDeliveries: number
  windowMs: number
  serverCpuMicros: number
  cpuMicrosPerDelivery: number
  /** The kernel's part of the server's CPU time (sockets, file writes). */
  kernelCpuShare: number
  latencyP50Ms: number
  latencyP99Ms: number
  latencyMaxMs: number
  /** The server's longest event-loop stall during the measured load (ms). */
  maxLoopStallMs: number
  /** … and during the unmeasured load just before it. */
  rewarmMaxLoopStallMs: number
  /** What the server's stalls during the measured load were made of. */
  stallCauses: StallCauses
  /** Server CPU during the load window as a share of one core. */
  serverCpuShare: number
  /** The bench process's CPU during the load window as a share of one core. */
  benchCpuShare: number
  idleConnections: number
  rssBeforeBytes: number
  rssAfterBytes: number
  rssBytesPerIdleConnection: number
  heapBytesPerIdleConnection: number
  heapTotalBytesPerIdleConnection: number
  externalBytesPerIdleConnection: number
  /** What the idle phase read after each step (the slope is taken over all but the first). */
  idleReadings: { connections: number; rssBytes: number; heapUsedBytes: number }[]
}

export interface ServerSummary {
  server: string
  label: string
  rounds: number
  cpuMicrosPerDelivery: number
  kernelCpuShare: number
  latencyP50Ms: number
  latencyP99Ms: number
  /** The longest event-loop stall of any round's load phases (max, not median). */
  maxLoopStallMs: number
  rssBytesPerIdleConnection: number
  heapBytesPerIdleConnection: number
  deliveriesPerRound: number
  missingDeliveries: number
  serverCpuShare: number
  benchCpuShare: number
}

/** Targets of every shape; the load's own come from its shape (env.ts). */
const TARGETS = {
  /** bytes (1 kB = 1000 B), issue 14 target 5 */
  rssPerIdleConnectionMax: 10_000,
  /** The relay's checks (update gate, write policy): share of ours's CPU per delivery. */
  checksShareMax: 0.1,
} as const

export function summarise(label: string, server: string, rounds: RoundResult[]): ServerSummary {
  const of = (pick: (r: RoundResult) => number) => median(rounds.map(pick))
  return {
    server,
    label,
    rounds: rounds.length,
    cpuMicrosPerDelivery: of((r) => r.cpuMicrosPerDelivery),
    kernelCpuShare: of((r) => r.kernelCpuShare),
    latencyP50Ms: of((r) => r.latencyP50Ms),
    latencyP99Ms: of((r) => r.latencyP99Ms),
    maxLoopStallMs: Math.max(
      ...rounds.map((r) => Math.max(r.maxLoopStallMs, r.rewarmMaxLoopStallMs)),
    ),
    rssBytesPerIdleConnection: of((r) => r.rssBytesPerIdleConnection),
    heapBytesPerIdleConnection: of((r) => r.heapBytesPerIdleConnection),
    deliveriesPerRound: of((r) => r.deliveries),
    missingDeliveries: rounds.reduce((sum, r) => sum + (r.expectedDeliveries - r.deliveries), 0),
    serverCpuShare: of((r) => r.serverCpuShare),
    benchCpuShare: of((r) => r.benchCpuShare),
  }
}

export interface Verdict {
  ratios: Record<string, Record<string, number>>
  targets: { name: string; value: number; limit: number; met: boolean }[]
}

export function judge(
  ours: ServerSummary,
  references: ServerSummary[],
  shapeTargets: ShapeTargets,
  rounds: readonly RoundResult[] = [],
): Verdict {
  const ratios: Verdict['ratios'] = {}
  for (const ref of references) {
    ratios[ref.server] = {
      cpuMicrosPerDelivery: ours.cpuMicrosPerDelivery / ref.cpuMicrosPerDelivery,
      latencyP50Ms: ours.latencyP50Ms / ref.latencyP50Ms,
      latencyP99Ms: ours.latencyP99Ms / ref.latencyP99Ms,
      rssBytesPerIdleConnection: ours.rssBytesPerIdleConnection / ref.rssBytesPerIdleConnection,
    }
  }
  const yws = ratios['y-websocket-server']
  const targets: { name: string; value: number; limit: number }[] = [
    {
      name: 'CPU per delivery, ours / @y/websocket-server',
      value: yws?.cpuMicrosPerDelivery ?? Number.NaN,
      limit: shapeTargets.cpuRatioMax,
    },
    {
      name: 'latency p99, ours / @y/websocket-server',
      value: yws?.latencyP99Ms ?? Number.NaN,
      limit: shapeTargets.p99RatioMax,
    },
    {
      name: 'RSS per idle connection, ours (bytes)',
      value: ours.rssBytesPerIdleConnection,
      limit: TARGETS.rssPerIdleConnectionMax,
    },
  ]
  const memoryLog = references.find((r) => r.server === 'ours-memory-log')
  if (memoryLog && shapeTargets.persistP50AddedMaxMs !== undefined) {
    targets.push({
      name: 'latency p50 added by persisting, ours − log in memory (ms)',
      value: ours.latencyP50Ms - memoryLog.latencyP50Ms,
      limit: shapeTargets.persistP50AddedMaxMs,
    })
  }
  // What the relay's checks cost, as a share of our CPU per delivery (targets ≤ 10 %).
  // Paired by round: the two builds ran minutes apart in the same round, while this VM's
  // CPU per delivery drifts ±20 % between rounds (a median of each server's rounds mixed
  // a fast round of one with a slow round of the other: 17 % one run, -8 % the next).
  const share = (server: string) => {
    const ref = references.find((r) => r.server === server)
    if (!ref) return undefined
    const paired = rounds
      .filter((r) => r.server === ours.server)
      .flatMap((mine) => {
        const theirs = rounds.find((r) => r.server === server && r.round === mine.round)
        return theirs ? [1 - theirs.cpuMicrosPerDelivery / mine.cpuMicrosPerDelivery] : []
      })
    return paired.length > 0
      ? median(paired)
      : 1 - ref.cpuMicrosPerDelivery / ours.cpuMicrosPerDelivery
  }
  const checks = [
    {
      server: 'ours-unchecked',
      name: 'update gate + write policy, share of CPU per delivery (median of rounds)',
    },
    {
      server: 'ours-no-policy',
      name: 'write policy, share of CPU per delivery (median of rounds)',
    },
  ]
  for (const { server, name } of checks) {
    const value = share(server)
    if (value !== undefined) targets.push({ name, value, limit: TARGETS.checksShareMax })
  }
  return { ratios, targets: targets.map((t) => ({ ...t, met: t.value <= t.limit })) }
}

const pad = (text: string, width: number) => text.padStart(width)
const SHORT_NAMES: Record<string, string> = {
  'y-websocket-server': 'y-ws-server',
  'ours-memory-log': 'memory-log',
  'y-websocket-server-leveldb': 'y-ws+leveldb',
  'ours-unchecked': 'unchecked',
  'ours-no-policy': 'no-policy',
}

export function formatReport(summaries: ServerSummary[], verdict: Verdict): string {
  const [ours, ...refs] = summaries
  if (!ours) return ''
  interface Row {
    name: string
    pick: (s: ServerSummary) => number
    fmt: (v: number) => string
    ratio?: string
  }
  const rows: Row[] = [
    {
      name: 'CPU µs / delivered update',
      pick: (s) => s.cpuMicrosPerDelivery,
      fmt: (v) => v.toFixed(1),
      ratio: 'cpuMicrosPerDelivery',
    },
    {
      name: '  of which kernel (%)',
      pick: (s) => s.kernelCpuShare,
      fmt: (v) => (v * 100).toFixed(0),
    },
    {
      name: 'latency p50 (ms)',
      pick: (s) => s.latencyP50Ms,
      fmt: (v) => v.toFixed(2),
      ratio: 'latencyP50Ms',
    },
    {
      name: 'latency p99 (ms)',
      pick: (s) => s.latencyP99Ms,
      fmt: (v) => v.toFixed(2),
      ratio: 'latencyP99Ms',
    },
    {
      name: 'max loop stall, loads (ms)',
      pick: (s) => s.maxLoopStallMs,
      fmt: (v) => v.toFixed(1),
    },
    {
      name: 'RSS / idle connection (kB)',
      pick: (s) => s.rssBytesPerIdleConnection,
      fmt: (v) => (v / 1000).toFixed(1),
      ratio: 'rssBytesPerIdleConnection',
    },
    {
      name: 'heap / idle connection (kB)',
      pick: (s) => s.heapBytesPerIdleConnection,
      fmt: (v) => (v / 1000).toFixed(1),
    },
    { name: 'deliveries / round', pick: (s) => s.deliveriesPerRound, fmt: (v) => v.toFixed(0) },
    {
      name: 'missing deliveries (all)',
      pick: (s) => s.missingDeliveries,
      fmt: (v) => v.toFixed(0),
    },
    {
      name: 'server CPU (% of a core)',
      pick: (s) => s.serverCpuShare,
      fmt: (v) => (v * 100).toFixed(1),
    },
    {
      name: 'bench CPU (% of a core)',
      pick: (s) => s.benchCpuShare,
      fmt: (v) => (v * 100).toFixed(1),
    },
  ]
  const w0 = 28
  // Wide enough for the longest server name, with two spaces before it.
  const w = Math.max(23, ...summaries.map((s) => s.label.length + 2))
  const ratioNames = refs.map((r) => `ours/${SHORT_NAMES[r.server] ?? r.server}`)
  const wr = Math.max(18, ...ratioNames.map((name) => name.length + 2))
  const header =
    'metric (median of rounds)'.padEnd(w0) +
    summaries.map((s) => pad(s.label, w)).join('') +
    ratioNames.map((name) => pad(name, wr)).join('')
  const lines = [header, '-'.repeat(header.length)]
  for (const row of rows) {
    let line = row.name.padEnd(w0) + summaries.map((s) => pad(row.fmt(row.pick(s)), w)).join('')
    for (const ref of refs) {
      const ratio = row.ratio ? verdict.ratios[ref.server]?.[row.ratio] : undefined
      line += pad(ratio === undefined ? '' : ratio.toFixed(2), wr)
    }
    lines.push(line)
  }
  lines.push('', 'targets:')
  for (const t of verdict.targets) {
    const value = t.name.includes('bytes')
      ? `${(t.value / 1000).toFixed(1)} kB`
      : t.value.toFixed(2)
    const limit = t.name.includes('bytes')
      ? `${(t.limit / 1000).toFixed(0)} kB`
      : t.limit.toFixed(2)
    lines.push(`  ${t.met ? 'MET   ' : 'MISSED'}  ${t.name}: ${value} (≤ ${limit})`)
  }
  return lines.join('\n')
}

export function writeJson(path: string, data: unknown): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(
    path,
    JSON.stringify(data, (_k, v: unknown) => (typeof v === 'number' ? round(v, 3) : v), 2) + '\n',
  )
}
