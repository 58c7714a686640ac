/** What a window's longest event-loop stall was made of, from the probe's samples around it. */
import type { Sample } from './child.ts'
import type { StallAnatomy } from './servers/probe-protocol.ts'

export interface StallCauses {
  /** The longest GC pause in the window (ms) and its kind (major, minor…). */
  maxGcPauseMs: number
  maxGcPauseKind: string
  /** Time in GC pauses in the window (ms). */
  gcPauseMs: number
  /** How long the server's main thread waited, runnable, for a CPU (ms; null off Linux). */
  waitedMs: number | null
  /** The share of the machine's CPU time its host took meanwhile (a VM's steal; null off Linux). */
  stolenShare: number | null
  /** The longest stall in parts, when the servers run with BENCH_STALL_ANATOMY=1. */
  longestStall: StallAnatomy | null
}

/**
 * The causes over the window from `first` to the last of `later`, consecutive samples of one
 * process: each later sample's GC counts are its own stretch's; the CPU wait is cumulative.
 */
export function stallCauses(first: Sample, ...later: readonly [Sample, ...Sample[]]): StallCauses {
  let longest = later[0]
  let gcPauseMs = 0
  for (const sample of later) {
    if (sample.maxGcPauseMs >= longest.maxGcPauseMs) longest = sample
    gcPauseMs += sample.gcPauseMs
  }
  const stalls = later.flatMap((sample) => (sample.stallAnatomy ? [sample.stallAnatomy] : []))
  const longestStall = stalls.reduce<StallAnatomy | null>(
    (most, stall) => (most && most.stallMs >= stall.stallMs ? most : stall),
    null,
  )
  const last = later.at(-1) ?? longest
  return {
    maxGcPauseMs: longest.maxGcPauseMs,
    maxGcPauseKind: longest.maxGcPauseKind,
    gcPauseMs,
    waitedMs:
      last.runQueueWaitMs === null || first.runQueueWaitMs === null
        ? null
        : last.runQueueWaitMs - first.runQueueWaitMs,
    stolenShare: stolenShare(first, last),
    longestStall: longestStall && {
      ...longestStall,
      longStalls: stalls.reduce((count, stall) => count + stall.longStalls, 0),
    },
  }
}

type MachineTicks = NonNullable<Sample['machineTicks']>

/** What share of the machine's CPU time between two samples `part` was (null off Linux). */
function machineShare(
  first: Sample,
  last: Sample,
  part: (ticks: MachineTicks) => number,
): number | null {
  const [from, to] = [first.machineTicks, last.machineTicks]
  if (!from || !to || to.total <= from.total) return null
  return (part(to) - part(from)) / (to.total - from.total)
}

const stolenShare = (first: Sample, last: Sample) =>
  machineShare(first, last, (ticks) => ticks.stolen)

/** How busy the whole machine was between two samples (steal counts as busy; null off Linux). */
export const machineBusyShare = (first: Sample, last: Sample) =>
  machineShare(first, last, (ticks) => ticks.total - ticks.idle)

/**
 * "longest GC pause 12.0 ms minor, 455 ms in all; waited for a CPU 1336 ms; the host took
 * 16 % of the machine"
 */
export const describeStallCauses = (causes: StallCauses): string =>
  `longest GC pause ${causes.maxGcPauseMs.toFixed(1)} ms ${causes.maxGcPauseKind}, ` +
  `${causes.gcPauseMs.toFixed(0)} ms in all` +
  (causes.waitedMs === null ? '' : `; waited for a CPU ${causes.waitedMs.toFixed(0)} ms`) +
  (causes.stolenShare === null
    ? ''
    : `; the host took ${(100 * causes.stolenShare).toFixed(0)} % of the machine`) +
  (causes.longestStall ? `; ${describeStall(causes.longestStall)}` : '')

/**
 * "the longest stall 31.0 ms: ran 6.5, waited for a CPU 21.6, neither 4.8, GC pauses 17.8 of
 * it; 4 over 20 ms". The first three parts add up to the stall; a GC pause is the main thread
 * running or waiting in the collector, so it overlaps them.
 */
const describeStall = (stall: StallAnatomy): string =>
  `the longest stall ${stall.stallMs.toFixed(1)} ms: ran ${stall.ranMs.toFixed(1)}, ` +
  `waited for a CPU ${stall.waitedMs.toFixed(1)}, neither ${stall.otherMs.toFixed(1)}, ` +
  `GC pauses ${stall.gcMs.toFixed(1)} of it; ${stall.longStalls} over 20 ms`
