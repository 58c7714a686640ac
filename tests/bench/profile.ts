/** Summarises a V8 .cpuprofile: where the sampled time went, by function and by package. */
import { readFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  children?: number[]
}

interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

export interface ProfileSummary {
  /** Sampled time that was not idle, ms. */
  busyMs: number
  /** Self time by function, busiest first. */
  self: { frame: string; ms: number; share: number }[]
  /** Inclusive time of our own (server/, shared/, db/) functions. */
  inclusiveOwn: { frame: string; ms: number; share: number }[]
  /** Self time by where the code lives (a package, our folders, node internals, GC). */
  byArea: { area: string; ms: number; share: number }[]
}

const areaOf = (url: string, name: string): string => {
  if (!url) return name.startsWith('(') ? name : '(native)'
  const modules = url.lastIndexOf('node_modules/')
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/')
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url)
  }
  if (url.startsWith('node:')) return 'node internals'
  const own = url.match(/\/(server|shared|db|tests)\/([^/]+)/)
  if (own) return `${own[1]}/${own[2]}`
  return url
}

const frameOf = (node: ProfileNode): string => {
  const { functionName, url, lineNumber, columnNumber } = node.callFrame
  const file = url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '')
  const short = file.replace(/^.*\/(server|shared|db|tests)\//, '$1/')
  // tsx hands V8 our .ts files as one line each, so there the column tells functions apart.
  const at = lineNumber === 0 ? `1:${columnNumber + 1}` : `${lineNumber + 1}`
  return `${functionName || '(anonymous)'} ${short ? `${short}:${at}` : ''}`.trim()
}

export function summariseProfile(path: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id)

  const self = new Map<string, number>()
  const area = new Map<string, number>()
  const inclusive = new Map<string, number>()
  let busy = 0
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)
    const micros = profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0
    if (!node || node.callFrame.functionName === '(idle)') return
    busy += micros
    const frame = frameOf(node)
    self.set(frame, (self.get(frame) ?? 0) + micros)
    const where = areaOf(node.callFrame.url, node.callFrame.functionName)
    area.set(where, (area.get(where) ?? 0) + micros)
    // Inclusive time for our own code: count each function once per sample.
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const up = byId.get(at)
      if (!up || !/\/(server|shared|db)\//.test(up.callFrame.url)) continue
      const key = frameOf(up)
      if (seen.has(key)) continue
      seen.add(key)
      inclusive.set(key, (inclusive.get(key) ?? 0) + micros)
    }
  })
  const rank = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([key, micros]) => ({ key, ms: micros / 1000, share: busy ? micros / busy : 0 }))
  return {
    busyMs: busy / 1000,
    self: rank(self, top).map(({ key, ms, share }) => ({ frame: key, ms, share })),
    inclusiveOwn: rank(inclusive, top).map(({ key, ms, share }) => ({ frame: key, ms, share })),
    byArea: rank(area, top).map(({ key, ms, share }) => ({ area: key, ms, share })),
  }
}

export function formatProfile(summary: ProfileSummary): string {
  const pct = (share: number) => `${(share * 100).toFixed(1).padStart(5)}%`
  const lines = [
    `busy (non-idle) sampled time: ${summary.busyMs.toFixed(0)} ms`,
    '',
    'by area (self):',
  ]
  for (const row of summary.byArea)
    lines.push(`  ${pct(row.share)}  ${row.ms.toFixed(0).padStart(6)} ms  ${row.area}`)
  lines.push('', 'top self frames:')
  for (const row of summary.self)
    lines.push(`  ${pct(row.share)}  ${row.ms.toFixed(0).padStart(6)} ms  ${row.frame}`)
  lines.push('', 'our code, inclusive:')
  for (const row of summary.inclusiveOwn)
    lines.push(`  ${pct(row.share)}  ${row.ms.toFixed(0).padStart(6)} ms  ${row.frame}`)
  return lines.join('\n')
}
