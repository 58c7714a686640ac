/**
 * A token bucket per connection: `perSecond` sustained, `burst` on top. Typing produces
 * bursts (a paste, a reconnect's catch-up), so the burst is generous; a runaway client
 * is not.
 */
export function makeTokenBucket(perSecond: number, burst: number, now: () => number = Date.now) {
  let tokens = burst
  let last = now()
  return function take(): boolean {
    const at = now()
    tokens = Math.min(burst, tokens + ((at - last) / 1000) * perSecond)
    last = at
    if (tokens < 1) return false
    tokens -= 1
    return true
  }
}
