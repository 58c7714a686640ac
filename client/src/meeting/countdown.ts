import { createEffect, createSignal, onCleanup, untrack, type Accessor } from 'solid-js'
import { timerRemainingMs, type MeetingTimer } from '../../../shared/workspace/control.ts'
import { msUntilNextTick } from './timer.ts'

/**
 * A timer's remaining milliseconds on the server's clock (`now`), updated exactly when the
 * shown second changes (not on a free-running interval that drifts against it); null
 * without a timer. A paused timer does not tick. Re-reads when the timer or the clock's
 * offset changes (`now` is reactive in the offset).
 */
export function createCountdown(
  timer: Accessor<MeetingTimer | null>,
  now: () => number,
): Accessor<number | null> {
  const [remaining, setRemaining] = createSignal<number | null>(null)
  let handle: ReturnType<typeof setTimeout> | undefined
  const tick = () => {
    clearTimeout(handle)
    const current = timer()
    const left = current ? timerRemainingMs(current, now()) : null
    setRemaining(left)
    if (current?.state === 'running' && left !== null)
      // A few ms past the boundary, so the next read is on the new second.
      handle = setTimeout(tick, msUntilNextTick(left) + 5)
  }
  createEffect(() => {
    // Each field, not only the object: a store keeps the timer object and changes its
    // fields in place, so a resumed timer would otherwise never start ticking again.
    const current = timer()
    void (current && [current.state, current.endsAt, current.remainingMs])
    now()
    untrack(tick)
  })
  onCleanup(() => clearTimeout(handle))
  return remaining
}
