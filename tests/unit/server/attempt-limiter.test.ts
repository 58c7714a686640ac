import { describe, expect, it } from 'vitest'
import { makeAttemptLimiter } from '../../../server/auth/attempt-limiter.ts'
import { ipv6Prefix64 } from '../../../server/http/client-address.ts'

const clock = () => {
  let at = 1_000_000
  return { now: () => at, advance: (ms: number) => (at += ms) }
}

describe('attempts per address', () => {
  it('lets a burst through, then one attempt per 60/perMinute seconds, with Retry-After', () => {
    const time = clock()
    const limiter = makeAttemptLimiter({ perMinute: 10, burst: 5, now: time.now })
    for (let i = 0; i < 5; i++) expect(limiter.attempt('10.0.0.1').allowed).toBe(true)
    const refused = limiter.attempt('10.0.0.1')
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 6, firstRefusal: true })
    expect(limiter.attempt('10.0.0.1')).toMatchObject({ allowed: false, firstRefusal: false })
    expect(limiter.attempt('10.0.0.2').allowed).toBe(true) // another address is its own
    time.advance(6_000)
    expect(limiter.attempt('10.0.0.1').allowed).toBe(true)
    expect(limiter.attempt('10.0.0.1').allowed).toBe(false)
  })

  it('gives a successful attempt back: a room of people behind one NAT all get in', () => {
    const time = clock()
    const limiter = makeAttemptLimiter({ perMinute: 10, burst: 5, now: time.now })
    for (let person = 0; person < 30; person++) {
      const attempt = limiter.attempt('192.0.2.7')
      expect(attempt.allowed).toBe(true)
      if (attempt.allowed) attempt.refund()
    }
  })

  it('forgets addresses that went idle and never holds more than maxAddresses', () => {
    const time = clock()
    const limiter = makeAttemptLimiter({
      perMinute: 10,
      burst: 5,
      maxAddresses: 1000,
      now: time.now,
    })
    for (let i = 0; i < 5000; i++) limiter.attempt(`10.1.${i >> 8}.${i & 255}`)
    expect(limiter.size()).toBeLessThanOrEqual(1000)
    // Half a minute later every bucket has filled up again: a few attempts sweep them out.
    time.advance(30_000)
    for (let i = 0; i < 200; i++) limiter.attempt('10.9.9.9')
    expect(limiter.size()).toBeLessThan(10)
  })

  it('counts an IPv6 host by its /64', () => {
    expect(ipv6Prefix64('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2')
    expect(ipv6Prefix64('2001:DB8::1')).toBe('2001:db8:0:0')
    expect(ipv6Prefix64('::1')).toBe('0:0:0:0')
    expect(ipv6Prefix64('fe80::1%eth0')).toBe('fe80:0:0:0')
  })
})
