/**
 * A token bucket per connection: `perSecond` sustained, `burst` on top. Typing produces
 * bursts (a paste, a reconnect's catch-up), so the burst is generous; a runaway client
 * is not. `take(cost)` spends `cost` tokens (1 per message, or a frame's bytes).
 */
export function makeTokenBucket(perSecond: number, burst: number, now: () => number = Date.now) {
  let tokens = burst
  let last = now()
  return function take(cost = 1): boolean {
    const at = now()
    tokens = Math.min(burst, tokens + ((at - last) / 1000) * perSecond)
    last = at
    if (tokens < cost) return false
    tokens -= cost
    return true
  }
}
