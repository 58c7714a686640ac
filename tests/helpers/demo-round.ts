import { LIVING_GROUP_ID } from '../../server/demo/round.ts'

/** A group of the demo round as `cli demo --json` lists it (the e2e run and benches read it). */
export interface DemoGroup {
  id: string
  name: string
  room: string
  invites: { facilitator: string; participant: string; viewer: string }
}

/** The demo round's group with the living board (its BM1 filled in, so there is content). */
export function livingGroupOf(groups: readonly DemoGroup[]): DemoGroup {
  const group = groups.find((g) => g.id === LIVING_GROUP_ID)
  if (!group) throw new Error('the demo round has no living group')
  return group
}
