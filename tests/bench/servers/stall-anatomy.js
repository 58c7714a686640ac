/**
 * What a server's longest event-loop stall was made of, for the probe (probe.js) when the
 * bench runs with BENCH_STALL_ANATOMY=1. Off by default: its timer wakes the server 200 times
 * a second (3 % of a core in an idle process), which the CPU figures would count.
 *
 * At every tick of a 5 ms timer (the loop-delay monitor's resolution) the next check phase
 * reads the main thread's scheduler counters (/proc/thread-self/schedstat: ns on a CPU, ns
 * runnable but waiting for one). The longest gap between two readings then splits into the
 * time the thread ran (JS, GC, native code), the time it waited for a CPU (the cores busy
 * with other threads or processes) and the rest, when it was neither (blocked in a
 * synchronous call, a page fault). The GC pauses inside the gap are the probe's 'gc'
 * performance entries, handed over as they come (`pause`).
 */
import { performance } from 'node:perf_hooks'

const TICK_MS = 5
/** The bound for a stall. */
const LONG_STALL_MS = 20
/** GC entries kept between two samples; a phase has a few hundred. */
const MAX_GC_ENTRIES = 10_000

/**
 * @typedef {{ startAt: number, endAt: number, ranMs: number, waitedMs: number }} Gap
 * @param {ReturnType<typeof import('./schedstat.js').openSchedstat>} schedstat the main
 *   thread's counters (the probe's reader)
 * @returns {{ pause(entry: { startTime: number, duration: number }): void, take(reset?: boolean): import('./probe-protocol.ts').StallAnatomy | null } | null} null
 *   where the counters cannot be read (not Linux)
 */
export function startStallAnatomy(schedstat) {
  const first = schedstat()
  if (!first) return null
  let last = { at: performance.now(), counters: first }
  /** @type {Gap | null} */
  let longest = null
  let longStalls = 0
  /** @type {{ startTime: number, duration: number }[]} */
  let pauses = []

  let due = false
  const record = () => {
    due = false
    const at = performance.now()
    const counters = schedstat() ?? last.counters
    const gapMs = at - last.at
    if (gapMs - TICK_MS > LONG_STALL_MS) longStalls++
    if (!longest || gapMs > longest.endAt - longest.startAt) {
      longest = {
        startAt: last.at,
        endAt: at,
        ranMs: counters.ranMs - last.counters.ranMs,
        waitedMs: counters.waitedMs - last.counters.waitedMs,
      }
    }
    last = { at, counters }
  }
  // Recorded in the loop's check phase, after the poll: a long run of JS timers then counts
  // as it does for monitorEventLoopDelay's native timer, which it starves (a JS timer that
  // fired inside that run would not see it).
  setInterval(() => {
    if (due) return
    due = true
    setImmediate(record)
  }, TICK_MS).unref()

  /** GC pause time inside a gap (a pause that straddles its edge counts in part). */
  const gcMsIn = (/** @type {Gap} */ gap) =>
    pauses.reduce((sum, { startTime, duration }) => {
      const overlap = Math.min(gap.endAt, startTime + duration) - Math.max(gap.startAt, startTime)
      return sum + Math.max(0, overlap)
    }, 0)

  return {
    /** A GC pause (a 'gc' performance entry), for the gaps it falls in. */
    pause(/** @type {{ startTime: number, duration: number }} */ { startTime, duration }) {
      if (pauses.length < MAX_GC_ENTRIES) pauses.push({ startTime, duration })
    },
    /**
     * The longest stall since the previous call that reset, and how many passed the bound;
     * `reset`: the next call starts from here.
     */
    take(reset = true) {
      const gap = longest
      const result = gap && {
        stallMs: Math.max(0, gap.endAt - gap.startAt - TICK_MS),
        ranMs: gap.ranMs,
        gcMs: gcMsIn(gap),
        waitedMs: gap.waitedMs,
        otherMs: Math.max(0, gap.endAt - gap.startAt - gap.ranMs - gap.waitedMs),
        longStalls,
      }
      if (reset) {
        longest = null
        longStalls = 0
        pauses = []
      }
      return result
    },
  }
}
