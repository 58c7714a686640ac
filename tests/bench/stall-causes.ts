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

/** The causes between two samples of one process (the later one's GC counts are the window's). */
export function stallCauses(before: Sample, after: Sample): StallCauses {
  return {
    maxGcPauseMs: after.maxGcPauseMs,
    maxGcPauseKind: after.maxGcPauseKind,
    gcPauseMs: after.gcPauseMs,
    waitedMs:
      after.runQueueWaitMs === null || before.runQueueWaitMs === null
        ? null
        : after.runQueueWaitMs - before.runQueueWaitMs,
  }
}

/** The causes over two consecutive windows, split by the sample `middle`. */
export function stallCausesAcross(before: Sample, middle: Sample, after: Sample): StallCauses {
  const first = stallCauses(before, middle)
  const second = stallCauses(middle, after)
  const longest = second.maxGcPauseMs >= first.maxGcPauseMs ? second : first
  return {
    maxGcPauseMs: longest.maxGcPauseMs,
    maxGcPauseKind: longest.maxGcPauseKind,
    gcPauseMs: first.gcPauseMs + second.gcPauseMs,
    waitedMs:
      first.waitedMs === null || second.waitedMs === null ? null : first.waitedMs + second.waitedMs,
  }
}

/** "longest GC pause 12.0 ms minor, 455 ms in all; waited for a CPU 1336 ms" */
export const describeStallCauses = (causes: StallCauses): string =>
  `longest GC pause ${causes.maxGcPauseMs.toFixed(1)} ms ${causes.maxGcPauseKind}, ` +
  `${causes.gcPauseMs.toFixed(0)} ms in all` +
  (causes.waitedMs === null ? '' : `; waited for a CPU ${causes.waitedMs.toFixed(0)} ms`)
