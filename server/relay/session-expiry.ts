/** setTimeout's longest delay (about 24.8 days); a session can last far longer. */
const MAX_TIMER_MS = 2 ** 31 - 1

/**
 * Calls `expired` once `at` (ms since the epoch) has passed. Sessions outlive what one
 * timer can wait, so a long wait is taken in steps. Unref'd: it never keeps a process up.
 */
export function makeExpiryTimer(at: number, expired: () => void): { cancel(): void } {
  let timer: NodeJS.Timeout | null = null
  const wait = (): void => {
    const remaining = at - Date.now()
    if (remaining <= 0) {
      timer = null
      expired()
      return
    }
    timer = setTimeout(wait, Math.min(remaining, MAX_TIMER_MS))
    timer.unref()
  }
  wait()
  return {
    cancel() {
      if (timer) clearTimeout(timer)
      timer = null
    },
  }
}
