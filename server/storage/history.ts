import type { SnapshotInfo } from './doc-store.ts'

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR
const WEEK = 7 * DAY

/**
 * How densely a room's version history is kept, by age, as backup rotation does: every
 * snapshot of the last hour, one per hour for a day, one per day for a month, one per week
 * beyond. Buckets are fixed stretches of the clock (not relative to now), so the snapshot
 * kept for a bucket stays the one kept as it ages.
 */
const TIERS: readonly { youngerThan: number; onePer: number }[] = [
  { youngerThan: HOUR, onePer: 0 },
  { youngerThan: DAY, onePer: HOUR },
  { youngerThan: 30 * DAY, onePer: DAY },
  { youngerThan: Infinity, onePer: WEEK },
]

/** The snapshot a load reads: the one that folds the most (as the stores choose it). */
const newestSnapshot = (snapshots: readonly SnapshotInfo[]): SnapshotInfo | undefined =>
  snapshots.reduce<SnapshotInfo | undefined>(
    (best, next) =>
      best &&
      (best.uptoUpdateId > next.uptoUpdateId ||
        (best.uptoUpdateId === next.uptoUpdateId && best.id > next.id))
        ? best
        : next,
    undefined,
  )

/**
 * Which of a room's snapshots to drop: those thinned out by age (TIERS; the newest of each
 * bucket stays), then the oldest of the rest while the history weighs more than `maxBytes`.
 * The newest snapshot is always kept, whatever its size. Pure: `now` is the caller's.
 */
export function snapshotsToDrop(
  snapshots: readonly SnapshotInfo[],
  now: Date,
  maxBytes: number,
): number[] {
  const newest = newestSnapshot(snapshots)
  const byAge = [...snapshots].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id,
  )
  const seen = new Set<string>()
  const kept: SnapshotInfo[] = []
  const drop: number[] = []
  for (const snapshot of byAge) {
    const at = snapshot.createdAt.getTime()
    const tier = TIERS.findIndex((t) => now.getTime() - at < t.youngerThan)
    const onePer = TIERS[tier]?.onePer ?? WEEK
    const bucket = onePer === 0 ? `${snapshot.id}` : `${tier}:${Math.floor(at / onePer)}`
    if (snapshot !== newest && seen.has(bucket)) drop.push(snapshot.id)
    else kept.push(snapshot)
    seen.add(bucket)
  }
  let bytes = kept.reduce((sum, s) => sum + s.bytes, 0)
  for (const snapshot of kept.reverse()) {
    if (bytes <= maxBytes) break
    if (snapshot === newest) continue
    drop.push(snapshot.id)
    bytes -= snapshot.bytes
  }
  return drop
}
