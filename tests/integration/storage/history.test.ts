import { describe, expect, it } from 'vitest'
import type { SnapshotInfo } from '../../../server/storage/doc-store.ts'
import { snapshotsToDrop } from '../../../server/storage/history.ts'

const MINUTE = 60 * 1000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const NOW = new Date('2026-03-18T12:00:00Z')
const UNBOUNDED = Number.MAX_SAFE_INTEGER

/** Snapshots taken `ago` before NOW, oldest first: ids and uptos grow with time. */
const history = (agos: number[], bytes = 100): SnapshotInfo[] =>
  [...agos]
    .sort((a, b) => b - a)
    .map((ago, i) => ({
      id: i + 1,
      uptoUpdateId: (i + 1) * 10,
      createdAt: new Date(NOW.getTime() - ago),
      bytes,
    }))

const kept = (snapshots: SnapshotInfo[], maxBytes = UNBOUNDED) => {
  const drop = new Set(snapshotsToDrop(snapshots, NOW, maxBytes))
  return snapshots.filter((s) => !drop.has(s.id))
}

const agesOf = (snapshots: SnapshotInfo[]) =>
  snapshots.map((s) => NOW.getTime() - s.createdAt.getTime())

describe('version history thinning (backup rotation)', () => {
  it('keeps every snapshot of the last hour', () => {
    const recent = history([1, 5, 10, 20, 40, 59].map((m) => m * MINUTE))
    expect(kept(recent)).toHaveLength(6)
  })

  it('keeps one snapshot per hour for a day, the newest of each hour', () => {
    // Every 10 minutes from 2 h 10 min to 4 h 50 min ago: three clock hours' worth.
    const start = Math.floor(NOW.getTime() / HOUR) * HOUR
    const agos = Array.from(
      { length: 17 },
      (_, i) => NOW.getTime() - start + 2 * HOUR + i * 10 * MINUTE,
    )
    const left = kept(history(agos))
    const hours = left.map((s) => Math.floor(s.createdAt.getTime() / HOUR))
    expect(new Set(hours).size).toBe(hours.length)
    expect(left.length).toBeGreaterThanOrEqual(3)
    expect(left.length).toBeLessThanOrEqual(4)
    // The newest of each clock hour stays.
    for (const snapshot of left) {
      const hour = Math.floor(snapshot.createdAt.getTime() / HOUR)
      const sameHour = history(agos).filter(
        (s) => Math.floor(s.createdAt.getTime() / HOUR) === hour,
      )
      expect(snapshot.createdAt.getTime()).toBe(
        Math.max(...sameHour.map((s) => s.createdAt.getTime())),
      )
    }
  })

  it('keeps one per day for a month and one per week beyond', () => {
    // Four a day for 90 days (after the first day).
    const agos = Array.from({ length: 89 * 4 }, (_, i) => DAY + 6 * HOUR * (i + 1))
    const left = agesOf(kept(history(agos)))
    const month = left.filter((age) => age < 30 * DAY)
    const older = left.filter((age) => age >= 30 * DAY)
    expect(month.length).toBeGreaterThanOrEqual(28)
    expect(month.length).toBeLessThanOrEqual(30)
    // 60 days beyond the month: about nine weeks.
    expect(older.length).toBeGreaterThanOrEqual(8)
    expect(older.length).toBeLessThanOrEqual(10)
  })

  it('stays within the byte bound by dropping the oldest, and always keeps the newest', () => {
    const snapshots = history(
      [1, 2, 3, 4, 5].map((m) => m * MINUTE),
      100,
    )
    expect(agesOf(kept(snapshots, 250))).toEqual([2 * MINUTE, MINUTE])
    // The newest alone is larger than the bound: it stays, everything else goes.
    const large = history(
      [1, 2].map((m) => m * MINUTE),
      1000,
    )
    expect(kept(large, 10).map((s) => s.id)).toEqual([2])
  })

  it('keeps the snapshot a load reads (the one that folds the most), even if written earlier', () => {
    const snapshots = history([MINUTE, 2 * MINUTE], 100)
    // Two nodes compacting: the older state's snapshot was written last.
    snapshots[0]!.uptoUpdateId = 99
    expect(kept(snapshots, 100).map((s) => s.id)).toEqual([1])
  })
})
