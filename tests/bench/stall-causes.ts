/** What a window's longest event-loop stall was made of, from the probe's samples around it. */
import type { Sample } from './child.ts'

export interface StallCauses {
  /** The longest GC pause in the window (ms) and its kind (major, minor…). */
  maxGcPauseMs: number
  maxGcPauseKind: string
  /** Time in GC pauses in the window (ms). */
  gcPauseMs: number
  /** How long the server's main thread waited, runnable, for a CPU (ms; null off Linux). */
  waitedMs: number | null
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
  const last = later.at(-1) ?? longest
  return {
    maxGcPauseMs: longest.maxGcPauseMs,
    maxGcPauseKind: longest.maxGcPauseKind,
    gcPauseMs,
    waitedMs:
      last.runQueueWaitMs === null || first.runQueueWaitMs === null
        ? null
        : last.runQueueWaitMs - first.runQueueWaitMs,
  }
}

/** "longest GC pause 12.0 ms minor, 455 ms in all; waited for a CPU 1336 ms" */
export const describeStallCauses = (causes: StallCauses): string =>
  `longest GC pause ${causes.maxGcPauseMs.toFixed(1)} ms ${causes.maxGcPauseKind}, ` +
  `${causes.gcPauseMs.toFixed(0)} ms in all` +
  (causes.waitedMs === null ? '' : `; waited for a CPU ${causes.waitedMs.toFixed(0)} ms`)
