import { describe, expect, it } from 'vitest'
import { makeCommitPacing } from '../../../server/storage/commit-pacing.ts'

/** A pacing on a clock the test moves. */
function paced(windowMs: number, busyPerSecond: number) {
  let clock = 1000
  const pacing = makeCommitPacing({ windowMs, busyPerSecond, sampleMs: 100, now: () => clock })
  return { pacing, advance: (ms: number) => (clock += ms) }
}

describe('commit pacing', () => {
  it('adds no wait while updates arrive slower than the busy rate', () => {
    const { pacing, advance } = paced(10, 100)
    for (let i = 0; i < 50; i++) {
      pacing.arrived()
      expect(pacing.delay()).toBe(0)
      pacing.started()
      advance(20) // 50 per second
    }
  })

  it('under load, lets a commit start only a window after the previous one', () => {
    const { pacing, advance } = paced(10, 100)
    for (let i = 0; i < 20; i++) {
      pacing.arrived()
      advance(1) // 1,000 per second
    }
    pacing.started()
    advance(3)
    pacing.arrived()
    expect(pacing.delay()).toBe(7)
    advance(7)
    expect(pacing.delay()).toBe(0)
  })

  it('stops waiting once the load has passed', () => {
    const { pacing, advance } = paced(10, 100)
    for (let i = 0; i < 20; i++) {
      pacing.arrived()
      advance(1)
    }
    pacing.started()
    advance(2)
    expect(pacing.delay()).toBeGreaterThan(0)
    advance(250) // two sample periods without arrivals
    pacing.arrived()
    pacing.started()
    advance(1)
    pacing.arrived()
    expect(pacing.delay()).toBe(0)
  })

  it('says the server is busy from the busy rate on (with any window), and not once it passed', () => {
    const { pacing, advance } = paced(0, 100)
    for (let i = 0; i < 5; i++) {
      pacing.arrived()
      advance(20) // 50 per second
    }
    expect(pacing.busy()).toBe(false)
    for (let i = 0; i < 20; i++) {
      pacing.arrived()
      advance(1) // 1,000 per second
    }
    expect(pacing.busy()).toBe(true)
    advance(250) // two sample periods without arrivals
    expect(pacing.busy()).toBe(false)
  })

  it('never waits with a window of 0', () => {
    const { pacing, advance } = paced(0, 1)
    for (let i = 0; i < 100; i++) {
      pacing.arrived()
      pacing.started()
      advance(0.1)
      expect(pacing.delay()).toBe(0)
    }
  })
})
