import type { MeetingControl, MeetingPart, Spotlight } from '../../../shared/workspace/control.ts'

/** What of the control state a follower moves with. */
export interface LeadState {
  led: boolean
  part: MeetingPart | null
  agendaItemId: string | null
  spotlight: Spotlight | null
  summons: number
}

/** What to bring into view: the current agenda item or the spotlight. */
export type Reveal = { kind: 'agendaItem'; id: string } | Spotlight

export interface FollowStep {
  following: boolean
  /** The part to open, or null to stay. */
  goTo: MeetingPart | null
  reveal: Reveal | null
}

export const leadStateOf = (control: MeetingControl): LeadState => ({
  led: control.led,
  part: control.part,
  agendaItemId: control.agendaItemId,
  // A copy: the control state is a store whose objects change in place.
  spotlight: control.spotlight ? { ...control.spotlight } : null,
  summons: control.summon.count,
})

const sameSpotlight = (a: Spotlight | null, b: Spotlight | null): boolean =>
  a?.kind === b?.kind && a?.id === b?.id

/**
 * What a member's board does when the control state changes from `prev` (null: the board
 * just opened) to `next`. While the meeting is not led nobody follows anyone and everyone
 * follows again when it is. A follower moves with the part, the current item and the
 * spotlight; one who stopped following stays where they are until they rejoin or the
 * facilitator brings everyone ("Ta alla hit": `summons` went up).
 */
export function followStep(
  prev: LeadState | null,
  next: LeadState,
  following: boolean,
): FollowStep {
  if (!next.led) return { following: true, goTo: null, reveal: null }
  const summoned = prev !== null && next.summons !== prev.summons
  if (!following && !summoned) return { following: false, goTo: null, reveal: null }
  // Just opened, just led or just summoned: everything is news.
  const before = prev === null || !prev.led || summoned ? null : prev
  const goTo = before === null || next.part !== before.part ? next.part : null
  let reveal: Reveal | null = null
  if (next.spotlight && (before === null || !sameSpotlight(before.spotlight, next.spotlight)))
    reveal = next.spotlight
  else if (next.agendaItemId && (before === null || next.agendaItemId !== before.agendaItemId))
    reveal = { kind: 'agendaItem', id: next.agendaItemId }
  return { following: true, goTo, reveal }
}

/**
 * A member opens another part themselves: while the meeting is led, going anywhere but
 * the facilitator's part stops following (facilitators lead and never stop).
 */
export function followingAfterNavigation(
  state: LeadState,
  following: boolean,
  target: MeetingPart,
  facilitator: boolean,
): boolean {
  if (facilitator || !state.led) return following
  return following && target === state.part
}
