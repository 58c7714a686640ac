import { nextTurn } from '../next-turn.ts'

/**
 * Runs background jobs one after another, giving the event loop a turn between them. Ten
 * rooms that empty together unload together, and ten compactions back to back held the
 * relay for 20–60 ms (encoding each document and writing its snapshot are synchronous):
 * every edit in flight in other rooms waited that long.
 */
export function makeOneAtATime() {
  let tail: Promise<unknown> = Promise.resolve()

  return function enqueue<T>(job: () => Promise<T>): Promise<T> {
    const result = tail.then(nextTurn).then(job)
    tail = result.catch(() => undefined)
    return result
  }
}
