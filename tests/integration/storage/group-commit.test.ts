import { describe, expect, it } from 'vitest'
import { makeCommitPacing } from '../../../server/storage/commit-pacing.ts'
import type { DocStore } from '../../../server/storage/doc-store.ts'
import { createGroupCommit } from '../../../server/storage/group-commit.ts'
import { createMemoryDocStore } from '../../../server/storage/memory-doc-store.ts'

/** The store, with the size of each commit it was given kept. */
function countingStore(): { store: DocStore; commits: number[] } {
  const store = createMemoryDocStore()
  const commits: number[] = []
  return {
    commits,
    store: {
      ...store,
      append: (entries) => {
        commits.push(entries.length)
        return store.append(entries)
      },
    },
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const update = (i: number) => new Uint8Array([i % 256])

/** Appends `count` updates `gapMs` apart; resolves with each one's wait for its commit, ms. */
async function trickle(
  commit: ReturnType<typeof createGroupCommit>,
  count: number,
  gapMs: number,
): Promise<number[]> {
  const waits: Promise<number>[] = []
  for (let i = 0; i < count; i++) {
    const at = performance.now()
    waits.push(commit.append('pacing', update(i)).then(() => performance.now() - at))
    await sleep(gapMs)
  }
  return Promise.all(waits)
}

describe('group commit pacing', () => {
  it('under load, commits at most once per window, every update waiting no longer than about a window', async () => {
    const { store, commits } = countingStore()
    const windowMs = 100
    const commit = createGroupCommit(store, makeCommitPacing({ windowMs, busyPerSecond: 20 }))
    const waits = await trickle(commit, 60, 5)
    // ~300 ms of updates (timers may stretch it): commits follow the window, not the updates.
    expect(commits.reduce((a, b) => a + b, 0)).toBe(60)
    expect(commits.length).toBeLessThan(15)
    expect(Math.max(...waits)).toBeLessThan(windowMs * 3)
  })

  it('without load, writes each update at once (no added wait)', async () => {
    const { store, commits } = countingStore()
    const commit = createGroupCommit(store, makeCommitPacing({ windowMs: 1000, busyPerSecond: 20 }))
    const waits = await trickle(commit, 5, 200)
    expect(commits).toEqual([1, 1, 1, 1, 1])
    expect(Math.max(...waits)).toBeLessThan(100)
  })

  it('flush writes what waits for its window at once', async () => {
    const { store, commits } = countingStore()
    const commit = createGroupCommit(
      store,
      makeCommitPacing({ windowMs: 60_000, busyPerSecond: 1 }),
    )
    await commit.append('pacing', update(1))
    // Busy now (one per second counts as load here): these two wait for the window.
    const waiting = [commit.append('pacing', update(2)), commit.append('pacing', update(3))]
    await sleep(20)
    expect(commits).toEqual([1])
    const at = performance.now()
    await commit.flush()
    await Promise.all(waiting)
    expect(performance.now() - at).toBeLessThan(1000)
    expect(commits).toEqual([1, 2])
  })
})
