import { describe, expect, it } from 'vitest'
import { spreadOf } from '../../../server/relay/room-compaction.ts'

describe('spreadOf: where between the threshold and half as much again a room folds', () => {
  it('is the same for a room on every load, and in [0, 1)', () => {
    expect(spreadOf('grupp-7')).toBe(spreadOf('grupp-7'))
    for (const name of ['', 'a', 'grupp-7', 'x'.repeat(200)]) {
      expect(spreadOf(name)).toBeGreaterThanOrEqual(0)
      expect(spreadOf(name)).toBeLessThan(1)
    }
  })

  it('spreads rooms opened together (names alike but for a number) over the whole range', () => {
    const spreads = Array.from({ length: 300 }, (_, i) => spreadOf(`cap-${i}`))
    // Ten bands of a tenth each: none empty, none holding more than twice its share.
    const bands = Array.from({ length: 10 }, () => 0)
    for (const spread of spreads) bands[Math.floor(spread * 10)]! += 1
    expect(Math.min(...bands)).toBeGreaterThan(0)
    expect(Math.max(...bands)).toBeLessThanOrEqual(60)
  })
})
