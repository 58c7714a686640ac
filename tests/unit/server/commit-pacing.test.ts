import { describe, expect, it } from 'vitest'
import { makeCommitPacing } from '../../../server/storage/commit-pacing.ts'

/** A pacing on a clock the test moves. */
function paced(windowMs: number, busyPerSecond: number, hotWindowMs?: number) {
  let clock = 1000
  const pacing = makeCommitPacing({
    windowMs,
    busyPerSecond,
    hotWindowMs,
    sampleMs: 100,
    now: () => clock,
  })
  return { pacing, advance: (ms: number) => (clock += ms) }
}

/** The rooms of a meeting morning: every update in a room of its own. */
const roomOf = (i: number) => `room-${i}`

describe('commit pacing', () => {
  it('adds no wait while updates arrive slower than the busy rate', () => {
    const { pacing, advance } = paced(10, 100)
    for (let i = 0; i < 50; i++) {
      pacing.arrived('room')
      expect(pacing.delay()).toBe(0)
      pacing.started()
      advance(20) // 50 per second
    }
  })

  it('under load, lets a commit start only a window after the previous one', () => {
    const { pacing, advance } = paced(10, 100)
    for (let i = 0; i < 20; i++) {
      pacing.arrived('room')
      advance(1) // 1,000 per second
    }
    pacing.started()
    advance(3)
    pacing.arrived('room')
    expect(pacing.delay()).toBe(7)
    advance(7)
    expect(pacing.delay()).toBe(0)
  })

  it('stops waiting once the load has passed', () => {
    const { pacing, advance } = paced(10, 100)
    for (let i = 0; i < 20; i++) {
      pacing.arrived('room')
      advance(1)
    }
    pacing.started()
    advance(2)
    expect(pacing.delay()).toBeGreaterThan(0)
    advance(250) // two sample periods without arrivals
    pacing.arrived('room')
    pacing.started()
    advance(1)
    pacing.arrived('room')
    expect(pacing.delay()).toBe(0)
  })

  it('says the server is busy from the busy rate on (with any window), and not once it passed', () => {
    const { pacing, advance } = paced(0, 100)
    for (let i = 0; i < 5; i++) {
      pacing.arrived('room')
      advance(20) // 50 per second
    }
    expect(pacing.busy()).toBe(false)
    for (let i = 0; i < 20; i++) {
      pacing.arrived('room')
      advance(1) // 1,000 per second
    }
    expect(pacing.busy()).toBe(true)
    advance(250) // two sample periods without arrivals
    expect(pacing.busy()).toBe(false)
  })

  it('never waits with a window of 0', () => {
    const { pacing, advance } = paced(0, 1)
    for (let i = 0; i < 100; i++) {
      pacing.arrived('room')
      pacing.started()
      advance(0.1)
      expect(pacing.delay()).toBe(0)
    }
  })

  describe('with a hot window', () => {
    /** 20 updates 1 ms apart (1,000 a second), then a commit starts and 3 ms pass. */
    function afterABusyStretch(room: (i: number) => string, hotWindowMs = 20) {
      const { pacing, advance } = paced(10, 100, hotWindowMs)
      for (let i = 0; i < 20; i++) {
        pacing.arrived(room(i))
        advance(1)
      }
      pacing.started()
      advance(3)
      return { pacing, advance }
    }

    it('waits the hot window while one room gets two updates or more per it', () => {
      const { pacing } = afterABusyStretch(() => 'busy-room')
      pacing.arrived('busy-room')
      expect(pacing.delay()).toBe(17)
    })

    it('keeps the usual window when the same rate is spread over many rooms', () => {
      const { pacing } = afterABusyStretch(roomOf)
      pacing.arrived(roomOf(99))
      expect(pacing.delay()).toBe(7)
    })

    it('goes back to the usual window once the hot room has quietened', () => {
      const { pacing, advance } = afterABusyStretch(() => 'busy-room')
      // Two sample periods of the same rate, each update in a room of its own.
      for (let i = 0; i < 200; i++) {
        pacing.arrived(roomOf(i))
        advance(1)
      }
      pacing.started()
      advance(3)
      expect(pacing.delay()).toBe(7)
    })

    it('has no hot window when it is not above the usual one', () => {
      const { pacing } = afterABusyStretch(() => 'busy-room', 5)
      pacing.arrived('busy-room')
      expect(pacing.delay()).toBe(7)
    })
  })
})
