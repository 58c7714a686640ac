import type { Members } from '../domain/members.ts'
import type { Logger } from '../log.ts'

/** A reconnect storm's "seen" notes are written at most this often, each write many. */
const WINDOW_MS = 100

/**
 * Notes members as seen (a connection opened or closed: "last seen" and the day's
 * attendance). When none was written in the last WINDOW_MS, a note is written a turn later
 * with whatever else that turn noted, as before; otherwise it waits for the window's end
 * with every note since. In a reconnect storm one write per connection was a tenth of the
 * server's CPU (`STORM_PROFILE=1 npm run bench:storm`), and the joins arrive paced, one per
 * turn (relay/admission.ts), so a per-turn batch held one: hence the window.
 */
export function makeSeenNotes(
  members: Pick<Members, 'seen'> | undefined,
  logger: Logger,
  now: () => number = Date.now,
) {
  let waiting = new Set<string>()
  let scheduled = false
  let lastWrite = -Infinity

  const write = (): void => {
    scheduled = false
    lastWrite = now()
    const ids = [...waiting]
    waiting = new Set()
    members
      ?.seen(ids, new Date(lastWrite))
      .catch((error: unknown) =>
        logger.warn('could not note when members were last seen', { error, members: ids.length }),
      )
  }

  return function note(participantId: string): void {
    if (!members) return
    waiting.add(participantId)
    if (scheduled) return
    scheduled = true
    const wait = lastWrite + WINDOW_MS - now()
    if (wait <= 0) setImmediate(write)
    else setTimeout(write, wait)
  }
}
