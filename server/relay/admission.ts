/** Thrown when as many joins wait as the admission takes: the client retries later. */
export class AdmissionFull extends Error {}

export interface AdmissionOptions {
  /** Joins checked and loaded at the same time. */
  atOnce: number
  /** Joins that may wait for a place; one more is refused (AdmissionFull). */
  waiting: number
}

/**
 * Paces joins (the session check and the room load before an upgrade): at most `atOnce`
 * run at a time, the next starting a turn of the event loop after a place frees, so a
 * reconnect storm (every member of a round back at once after a restart) is spread over
 * many turns and the live rooms' updates are relayed between them instead of waiting
 * behind two thousand joins. Every join under the bound is let through in arrival order;
 * beyond it one is refused at once (the client backs off and retries) rather than held.
 */
export function makeAdmission({ atOnce, waiting }: AdmissionOptions) {
  let running = 0
  const queue: (() => void)[] = []

  const startNext = (): void => {
    const next = queue.shift()
    if (next) next()
    else running -= 1
  }

  async function admit<T>(join: () => Promise<T>): Promise<T> {
    if (atOnce === 0) return join() // not paced
    if (running >= atOnce) {
      if (queue.length >= waiting) throw new AdmissionFull('too many joins waiting')
      // The place is handed over, not freed and taken: running stays as it is.
      await new Promise<void>((resolve) => queue.push(resolve))
    } else running += 1
    try {
      return await join()
    } finally {
      setImmediate(startNext)
    }
  }

  return { admit, waitingCount: () => queue.length, runningCount: () => running }
}
