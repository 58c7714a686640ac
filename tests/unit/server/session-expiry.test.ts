import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { makeExpiryTimer } from '../../../server/relay/session-expiry.ts'

const DAY = 24 * 60 * 60 * 1000

describe('makeExpiryTimer', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('waits longer than one timer can (a 400-day session) and fires once, at the end', () => {
    const expired = vi.fn()
    makeExpiryTimer(Date.now() + 400 * DAY, expired)
    vi.advanceTimersByTime(399 * DAY)
    expect(expired).not.toHaveBeenCalled()
    vi.advanceTimersByTime(DAY)
    expect(expired).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(30 * DAY)
    expect(expired).toHaveBeenCalledTimes(1)
  })

  it('fires at once for a moment already past, and never after cancel', () => {
    const past = vi.fn()
    makeExpiryTimer(Date.now() - 1, past)
    expect(past).toHaveBeenCalledTimes(1)

    const cancelled = vi.fn()
    const timer = makeExpiryTimer(Date.now() + 40 * DAY, cancelled)
    vi.advanceTimersByTime(30 * DAY)
    timer.cancel()
    vi.advanceTimersByTime(30 * DAY)
    expect(cancelled).not.toHaveBeenCalled()
  })
})
