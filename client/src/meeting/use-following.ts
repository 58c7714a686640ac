import { createEffect, createSignal, untrack, type Accessor } from 'solid-js'
import type { MeetingControl, MeetingPart } from '../../../shared/workspace/control.ts'
import {
  followingAfterNavigation,
  followStep,
  leadStateOf,
  type FollowStep,
  type LeadState,
  type Reveal,
} from './following.ts'

export interface Following {
  /** Whether this member moves with the facilitator (always true while nobody leads). */
  following: Accessor<boolean>
  /** "Följ igen": back to where the facilitator is. */
  rejoin(): void
  /** The member opened a part themselves (a tab, not the facilitator's lead). */
  navigated(part: MeetingPart): void
}

/**
 * Moves a member's board with the facilitator's control state (following.ts decides,
 * this applies): opens the part, brings the current item or the spotlight into view.
 */
export function createFollowing(options: {
  control: { readonly value: MeetingControl }
  facilitator: boolean
  open: (part: MeetingPart) => void
  reveal: (target: Reveal) => void
}): Following {
  const [following, setFollowing] = createSignal(true)
  const apply = (step: FollowStep) => {
    setFollowing(step.following)
    if (step.goTo) options.open(step.goTo)
    if (step.reveal) options.reveal(step.reveal)
  }
  let previous: LeadState | null = null
  createEffect(() => {
    const next = leadStateOf(options.control.value)
    const step = followStep(previous, next, untrack(following))
    previous = next
    untrack(() => apply(step))
  })
  return {
    following,
    rejoin: () => apply(followStep(null, leadStateOf(options.control.value), true)),
    navigated: (part) =>
      setFollowing((now) =>
        followingAfterNavigation(
          leadStateOf(options.control.value),
          now,
          part,
          options.facilitator,
        ),
      ),
  }
}
