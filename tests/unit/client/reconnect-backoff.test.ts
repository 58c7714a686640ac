import { describe, expect, it } from 'vitest'
import {
  makeReconnectBackoff,
  RECONNECT_CAP_MS,
  RESTART_CAP_MS,
  RESTART_WINDOW_MS,
} from '../../../client/src/sync/reconnect-backoff.ts'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'

/** A dropped TCP connection, or an attempt the server did not answer. */
const ABNORMAL = 1006

const clock = () => {
  let at = 0
  return { now: () => at, pass: (ms: number) => (at += ms) }
}

describe('makeReconnectBackoff', () => {
  it('keeps the usual cap when the network drops', () => {
    const { now } = clock()
    const backoff = makeReconnectBackoff(() => 0.5, now)
    expect(backoff.afterClose(ABNORMAL)).toBe(RECONNECT_CAP_MS)
    expect(backoff.afterClose(undefined)).toBe(RECONNECT_CAP_MS)
  })

  it('tries about every second while the relay restarts, for a minute at most', () => {
    const time = clock()
    const backoff = makeReconnectBackoff(() => 0.5, time.now)
    expect(backoff.afterClose(CloseCode.GoingAway)).toBe(RESTART_CAP_MS)
    // The failed attempts while it is down close abnormally: still quick.
    time.pass(5_000)
    expect(backoff.afterClose(ABNORMAL)).toBe(RESTART_CAP_MS)
    time.pass(RESTART_WINDOW_MS)
    expect(backoff.afterClose(ABNORMAL)).toBe(RECONNECT_CAP_MS)
  })

  it('returns to the usual cap once connected', () => {
    const { now } = clock()
    const backoff = makeReconnectBackoff(() => 0.5, now)
    backoff.afterClose(CloseCode.GoingAway)
    expect(backoff.connected()).toBe(RECONNECT_CAP_MS)
    expect(backoff.afterClose(ABNORMAL)).toBe(RECONNECT_CAP_MS)
  })

  it('spreads members over ±25 % of the restart cap', () => {
    const caps = [0, 0.5, 0.999].map((r) =>
      makeReconnectBackoff(() => r, clock().now).afterClose(CloseCode.GoingAway),
    )
    expect(caps).toEqual([750, 1000, 1250])
  })
})
