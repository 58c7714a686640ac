import { describe, expect, it } from 'vitest'
import {
  followingAfterNavigation,
  followStep,
  type LeadState,
} from '../../../client/src/meeting/following.ts'
import { currentAgendaIndex, nextAgendaItemId } from '../../../client/src/meeting/current-item.ts'
import { partOfTab, tabOf, tabOfPart } from '../../../client/src/meeting/board-parts.ts'
import { lockClock } from '../../../client/src/meeting/lock-text.ts'
import type { AgendaItem } from '../../../shared/workspace/agenda.ts'

const led: LeadState = {
  led: true,
  part: 'agenda',
  agendaItemId: null,
  spotlight: null,
  summons: 0,
}

describe('followStep', () => {
  it('a board opened while the meeting is led goes to the facilitator’s part', () => {
    expect(followStep(null, { ...led, part: 'matrix' }, true)).toEqual({
      following: true,
      goTo: 'matrix',
      reveal: null,
    })
  })

  it('a follower moves with the part, the current item and the spotlight', () => {
    expect(followStep(led, { ...led, part: 'pdsa' }, true).goTo).toBe('pdsa')
    expect(followStep(led, { ...led, agendaItemId: 'a2' }, true)).toEqual({
      following: true,
      goTo: null,
      reveal: { kind: 'agendaItem', id: 'a2' },
    })
    const spotlight = { kind: 'question', id: 'q1' } as const
    expect(followStep(led, { ...led, spotlight }, true).reveal).toEqual(spotlight)
    // Nothing changed: nothing to do (a keystroke elsewhere must not scroll anyone).
    expect(
      followStep({ ...led, spotlight }, { ...led, spotlight: { ...spotlight } }, true),
    ).toEqual({ following: true, goTo: null, reveal: null })
  })

  it('one who stopped following stays put until they rejoin or are brought back', () => {
    expect(followStep(led, { ...led, part: 'pdsa' }, false)).toEqual({
      following: false,
      goTo: null,
      reveal: null,
    })
    // "Ta alla hit": the summons went up; the spotlight comes into view as well.
    const spotlight = { kind: 'plan', id: 'p1' } as const
    expect(followStep({ ...led, spotlight }, { ...led, spotlight, summons: 1 }, false)).toEqual({
      following: true,
      goTo: 'agenda',
      reveal: spotlight,
    })
  })

  it('while nobody leads, nobody follows; leading again brings everyone along', () => {
    const free = { ...led, led: false }
    expect(followStep(led, free, false)).toEqual({ following: true, goTo: null, reveal: null })
    expect(followStep(free, { ...led, part: 'checklist' }, true).goTo).toBe('checklist')
  })
})

describe('followingAfterNavigation', () => {
  it('a participant opening another part stops following; the facilitator never does', () => {
    expect(followingAfterNavigation(led, true, 'matrix', false)).toBe(false)
    expect(followingAfterNavigation(led, true, 'agenda', false)).toBe(true)
    expect(followingAfterNavigation(led, true, 'matrix', true)).toBe(true)
    expect(followingAfterNavigation({ ...led, led: false }, true, 'matrix', false)).toBe(true)
  })
})

const item = (id: string, done = false): AgendaItem => ({
  id,
  title: id,
  minutes: 10,
  responsibleOrganisationId: null,
  done,
  position: 0,
})

describe('the current agenda item', () => {
  it('next is the first later item not done, else the next one, else none', () => {
    const items = [item('a', true), item('b', true), item('c'), item('d')]
    expect(nextAgendaItemId(items, 'a')).toBe('c')
    expect(nextAgendaItemId([item('a'), item('b', true)], 'a')).toBe('b')
    expect(nextAgendaItemId(items, 'd')).toBeNull()
    expect(nextAgendaItemId(items, 'gone')).toBeNull()
  })

  it('while led the facilitator’s item replaces the clock’s', () => {
    const items = [item('a'), item('b')]
    expect(currentAgendaIndex(items, false, 'b', 0)).toBe(0)
    expect(currentAgendaIndex(items, true, 'b', 0)).toBe(1)
    expect(currentAgendaIndex(items, true, null, 0)).toBeNull()
  })
})

describe('board parts and lock times', () => {
  it('maps the URL’s tabs to the control state’s parts and back', () => {
    expect(tabOf('matris')).toBe('matris')
    expect(tabOf('nonsense')).toBe('agenda')
    expect(partOfTab('checklista')).toBe('checklist')
    expect(tabOfPart('matrix')).toBe('matris')
    expect(tabOfPart('results')).toBe('resultat')
    expect(tabOf('resultat')).toBe('resultat')
    expect(partOfTab('resultat')).toBe('results')
  })

  it('says the time as people write it', () => {
    const at = new Date(2026, 2, 2, 10, 42).getTime()
    expect(lockClock(at, 'sv')).toBe('10.42')
    expect(lockClock(at, 'en')).toBe('10:42')
  })
})
