/**
 * Failed attempts per client address (joining, previewing an invitation): a token bucket
 * each, `perMinute` sustained after a burst of `burst`. Whoever guesses invitation tokens
 * fails every attempt; a workshop where twenty people behind one office NAT open the same
 * link in the same minute does not, so only a failure (`failed`) costs a token. An address
 * with no token left is refused before it is checked. Failures of attempts that were let in
 * together may overdraw the bucket: the debt is paid off at the same rate, so guessing in
 * parallel buys nothing over time (and HTTP bounds the requests one address has open).
 *
 * Memory stays bounded: an address whose bucket has filled up again is the same as one
 * never seen, so it is forgotten (a few of the least recently seen are checked on every
 * attempt), and past `maxAddresses` the least recently seen goes regardless.
 */
export interface AttemptLimiterOptions {
  perMinute: number
  burst: number
  maxAddresses?: number
  now?: () => number
}

export type Attempt =
  | { allowed: true; failed(): void }
  | {
      allowed: false
      retryAfterSeconds: number
      /** True for the first refusal since the address was last let through (log once). */
      firstRefusal: boolean
    }

interface Bucket {
  tokens: number
  at: number
  refused: boolean
}

const SWEEP_PER_ATTEMPT = 8

export function makeAttemptLimiter({
  perMinute,
  burst,
  maxAddresses = 10_000,
  now = Date.now,
}: AttemptLimiterOptions) {
  const perMs = perMinute / 60_000
  /** Least recently seen first: a touched bucket is deleted and set again. */
  const buckets = new Map<string, Bucket>()

  const refill = (bucket: Bucket, at: number): void => {
    bucket.tokens = Math.min(burst, bucket.tokens + ((at - bucket.at) * perMinute) / 60_000)
    bucket.at = at
  }

  /** Forgets refilled buckets among the least recently seen, and any beyond the cap. */
  const sweep = (at: number): void => {
    let checked = 0
    for (const [address, bucket] of buckets) {
      if (buckets.size >= maxAddresses) {
        buckets.delete(address)
        continue
      }
      if (checked++ >= SWEEP_PER_ATTEMPT) return
      refill(bucket, at)
      if (bucket.tokens >= burst) buckets.delete(address)
    }
  }

  function attempt(address: string): Attempt {
    if (perMinute <= 0) return { allowed: true, failed: () => {} }
    const at = now()
    const bucket = buckets.get(address) ?? { tokens: burst, at, refused: false }
    buckets.delete(address)
    sweep(at)
    refill(bucket, at)
    buckets.set(address, bucket)
    // A hair under 1 is 1: refills summed in steps lose the last bit of a float.
    if (bucket.tokens < 1 - 1e-9) {
      const firstRefusal = !bucket.refused
      bucket.refused = true
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)),
        firstRefusal,
      }
    }
    bucket.refused = false
    let counted = false
    return {
      allowed: true,
      failed() {
        if (counted) return
        counted = true
        // The bucket may have been forgotten meanwhile (it was full): start a new one.
        const current = buckets.get(address) ?? { tokens: burst, at: now(), refused: false }
        buckets.delete(address)
        refill(current, now())
        current.tokens -= 1
        buckets.set(address, current)
      },
    }
  }

  /** How many addresses are remembered (for tests: it must stay bounded). */
  const size = (): number => buckets.size

  return { attempt, size }
}

export type AttemptLimiter = ReturnType<typeof makeAttemptLimiter>
