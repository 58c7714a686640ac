import { describe, expect, it } from 'vitest'
import { makeAttemptLimiter } from '../../../server/auth/attempt-limiter.ts'
import { ipv6Prefix64 } from '../../../server/http/client-address.ts'

const clock = () => {
  let at = 1_000_000
  return { now: () => at, advance: (ms: number) => (at += ms) }
}

type Limiter = ReturnType<typeof makeAttemptLimiter>

/** One attempt that fails (a wrong token); whether it was let in. */
const fail = (limiter: Limiter, address: string): boolean => {
  const attempt = limiter.attempt(address)
  if (attempt.allowed) attempt.failed()
  return attempt.allowed
}

describe('failed attempts per address', () => {
  it('lets a burst fail, then one failure per 60/perMinute seconds, with Retry-After', () => {
    const time = clock()
    const limiter = makeAttemptLimiter({ perMinute: 10, burst: 5, now: time.now })
    for (let i = 0; i < 5; i++) expect(fail(limiter, '10.0.0.1')).toBe(true)
    const refused = limiter.attempt('10.0.0.1')
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 6, firstRefusal: true })
    expect(limiter.attempt('10.0.0.1')).toMatchObject({ allowed: false, firstRefusal: false })
    expect(fail(limiter, '10.0.0.2')).toBe(true) // another address is its own
    time.advance(6_000)
    expect(fail(limiter, '10.0.0.1')).toBe(true)
    expect(fail(limiter, '10.0.0.1')).toBe(false)
  })

  it('does not count successes: a room of people behind one NAT all get in, at once', () => {
    const time = clock()
    const limiter = makeAttemptLimiter({ perMinute: 10, burst: 5, now: time.now })
    const together = Array.from({ length: 30 }, () => limiter.attempt('192.0.2.7'))
    expect(together.every((attempt) => attempt.allowed)).toBe(true)
  })

  it('makes failures of attempts let in together a debt, paid off at the same rate', () => {
    const time = clock()
    const limiter = makeAttemptLimiter({ perMinute: 10, burst: 5, now: time.now })
    const together = Array.from({ length: 20 }, () => limiter.attempt('10.0.0.9'))
    for (const attempt of together) if (attempt.allowed) attempt.failed()
    // 20 failures on a bucket of 5: 16 more tokens to earn back (1 to be let in) = 96 s.
    expect(limiter.attempt('10.0.0.9')).toMatchObject({ allowed: false, retryAfterSeconds: 96 })
    time.advance(95_000)
    expect(limiter.attempt('10.0.0.9').allowed).toBe(false)
    time.advance(1_000)
    expect(limiter.attempt('10.0.0.9').allowed).toBe(true)
  })

  it('forgets addresses that went idle and never holds more than maxAddresses', () => {
    const time = clock()
    const limiter = makeAttemptLimiter({
      perMinute: 10,
      burst: 5,
      maxAddresses: 1000,
      now: time.now,
    })
    for (let i = 0; i < 5000; i++) fail(limiter, `10.1.${i >> 8}.${i & 255}`)
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
