/**
 * When the next group commit may start. Idle (fewer than `busyPerSecond` updates arriving
 * over the last `sampleMs`), at once: no added wait. Busy, at most one commit every
 * `windowMs`, so everything that arrives meanwhile is written and relayed together: one
 * WAL commit and, per room, one frame per connection (relay-batch.ts) instead of one each.
 * When a room is hot (its own updates would be two or more per `hotWindowMs`), the window
 * is `hotWindowMs`: more of that room's updates then reach each member in one write, where
 * many quiet rooms' would only wait longer (ARCHITECTURE.md § The relay under load).
 */
export interface CommitPacingOptions {
  /** The longest an update waits for its batch under load, ms (0: never wait). */
  windowMs: number
  /** The arrival rate from which the window applies, updates per second. */
  busyPerSecond: number
  /** The window while a room is hot, ms; absent or not above `windowMs`: no hot window. */
  hotWindowMs?: number
  /** How far back the arrival rate is measured, ms. */
  sampleMs?: number
  now?: () => number
}

const DEFAULT_SAMPLE_MS = 250

/** What one sample period saw: every arrival, and the most of them any one room had. */
interface Period {
  arrivals: number
  roomMost: number
}

const emptyPeriod = (): Period => ({ arrivals: 0, roomMost: 0 })

export function makeCommitPacing(options: CommitPacingOptions) {
  const now = options.now ?? (() => performance.now())
  const sampleMs = options.sampleMs ?? DEFAULT_SAMPLE_MS
  const busyCount = (options.busyPerSecond * sampleMs) / 1000
  const hotWindowMs = Math.max(options.windowMs, options.hotWindowMs ?? 0)
  // A room's arrivals over `sampleMs` that make two per hot window.
  const hotCount = hotWindowMs > options.windowMs ? (2 * sampleMs) / hotWindowMs : Infinity
  // The current and the previous sample period: a two-bucket sliding count.
  let periodStart = now()
  let current = emptyPeriod()
  let previous = emptyPeriod()
  const roomArrivals = new Map<string, number>()
  let lastCommitAt = -Infinity

  function roll(at: number): void {
    const periods = Math.floor((at - periodStart) / sampleMs)
    if (periods <= 0) return
    previous = periods === 1 ? current : emptyPeriod()
    current = emptyPeriod()
    roomArrivals.clear()
    periodStart += periods * sampleMs
  }

  /**
   * A count over the last `sampleMs`: the current period's, and the previous one's by how
   * much of it still lies in that span.
   */
  function lastSample(at: number, count: (period: Period) => number): number {
    roll(at)
    return count(current) + count(previous) * (1 - (at - periodStart) / sampleMs)
  }

  /** An update of `room` arrived. */
  function arrived(room: string): void {
    roll(now())
    current.arrivals += 1
    if (hotCount === Infinity) return
    const count = (roomArrivals.get(room) ?? 0) + 1
    roomArrivals.set(room, count)
    if (count > current.roomMost) current.roomMost = count
  }

  /** Whether updates arrive at `busyPerSecond` or more (over the last `sampleMs`). */
  const busyAt = (at: number): boolean => lastSample(at, (p) => p.arrivals) >= busyCount

  /**
   * Whether a room is hot. The two periods' most may be two rooms': an overestimate only
   * while the hot room changes.
   */
  const hotAt = (at: number): boolean => lastSample(at, (p) => p.roomMost) >= hotCount

  /** How long the next commit should wait from now, ms (0: go now). */
  function delay(): number {
    if (options.windowMs <= 0) return 0
    const at = now()
    if (!busyAt(at)) return 0
    const window = hotAt(at) ? hotWindowMs : options.windowMs
    return Math.max(0, lastCommitAt + window - at)
  }

  /** Whether the server is under load: work that can wait (pruning folded log rows) does. */
  function busy(): boolean {
    return busyAt(now())
  }

  /** A commit starts now. */
  function started(): void {
    lastCommitAt = now()
  }

  return { arrived, delay, started, busy }
}

export type CommitPacing = ReturnType<typeof makeCommitPacing>
