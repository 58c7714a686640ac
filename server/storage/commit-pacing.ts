/**
 * When the next group commit may start. Idle (fewer than `busyPerSecond` updates arriving
 * over the last `sampleMs`), at once: no added wait. Busy, at most one commit every
 * `windowMs`, so everything that arrives meanwhile is written and relayed together: one
 * WAL commit and, per room, one frame per connection (relay-batch.ts) instead of one each.
 */
export interface CommitPacingOptions {
  /** The longest an update waits for its batch under load, ms (0: never wait). */
  windowMs: number
  /** The arrival rate from which the window applies, updates per second. */
  busyPerSecond: number
  /** How far back the arrival rate is measured, ms. */
  sampleMs?: number
  now?: () => number
}

const DEFAULT_SAMPLE_MS = 250

export function makeCommitPacing(options: CommitPacingOptions) {
  const now = options.now ?? (() => performance.now())
  const sampleMs = options.sampleMs ?? DEFAULT_SAMPLE_MS
  const busyCount = (options.busyPerSecond * sampleMs) / 1000
  // Arrivals in the current and the previous sample period: a two-bucket sliding count.
  let periodStart = now()
  let current = 0
  let previous = 0
  let lastCommitAt = -Infinity

  function roll(at: number): void {
    const periods = Math.floor((at - periodStart) / sampleMs)
    if (periods <= 0) return
    previous = periods === 1 ? current : 0
    current = 0
    periodStart += periods * sampleMs
  }

  /** An update arrived. */
  function arrived(): void {
    roll(now())
    current += 1
  }

  /** Whether updates arrive at `busyPerSecond` or more (over the last `sampleMs`). */
  function busyAt(at: number): boolean {
    roll(at)
    // The previous period weighs by how much of it still lies in the last `sampleMs`.
    return current + previous * (1 - (at - periodStart) / sampleMs) >= busyCount
  }

  /** How long the next commit should wait from now, ms (0: go now). */
  function delay(): number {
    if (options.windowMs <= 0) return 0
    const at = now()
    if (!busyAt(at)) return 0
    return Math.max(0, lastCommitAt + options.windowMs - at)
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
