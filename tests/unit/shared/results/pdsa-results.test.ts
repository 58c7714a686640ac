import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { checklist2019 } from '../../../../shared/domain/checklist-versions.ts'
import { planResults } from '../../../../shared/results/index.ts'
import {
  addPdsaPlan,
  pdsaPlansOf,
  plansForMeeting,
  readPdsaPlans,
  removePdsaPlan,
  setPdsaChecklistLink,
  updatePdsaPlan,
} from '../../../../shared/workspace/index.ts'
import { slotAt } from '../../../../shared/workspace/schema.ts'
import { meetings } from './fixtures.ts'

const orgs = ['kommun-askersund', 'kommun-fagersta']
const numbers = (doc: Y.Doc) =>
  readPdsaPlans(doc).map((plan) => `${plan.organisationId.slice(7)} ${plan.number}`)

describe('a PDSA plan’s number is given once and kept', () => {
  it('is the same at the meeting it is planned and the one it is followed up', () => {
    const doc = new Y.Doc()
    addPdsaPlan(doc, { organisationId: orgs[0]!, plannedAtMeetingId: 'm-bm1' })
    const f1 = addPdsaPlan(doc, { organisationId: orgs[1]!, plannedAtMeetingId: 'm-bm1' })
    const f2 = addPdsaPlan(doc, { organisationId: orgs[1]!, plannedAtMeetingId: 'm-bm1' })
    const atBm1 = plansForMeeting(doc, 'm-bm1', 'm-uppstart').planned
    const atBm2 = plansForMeeting(doc, 'm-bm2', 'm-bm1').followUp
    const numbered = (plans: typeof atBm1) => plans.map((plan) => [plan.id, plan.number])
    expect(numbered(atBm2)).toEqual(numbered(atBm1))
    expect(atBm2.filter((plan) => plan.organisationId === orgs[1]).map((p) => p.number)).toEqual([
      1, 2,
    ])
    // A deleted plan leaves a gap; the others keep their numbers, new ones continue.
    removePdsaPlan(doc, f1)
    addPdsaPlan(doc, { organisationId: orgs[1]!, plannedAtMeetingId: 'm-bm2' })
    expect(numbers(doc)).toEqual(['askersund 1', 'fagersta 2', 'fagersta 3'])
    expect(readPdsaPlans(doc).find((plan) => plan.id === f2)!.number).toBe(2)
  })

  it('numbers plans stored before numbers existed in the order they were made', () => {
    const doc = new Y.Doc()
    ;[orgs[1]!, orgs[0]!, orgs[1]!].forEach((organisationId, index) => {
      const id = addPdsaPlan(doc, { organisationId, plannedAtMeetingId: 'm-bm1' })
      const plan = pdsaPlansOf(doc).get(id)!
      plan.delete('number')
      plan.set('createdAt', 1_000 + index)
    })
    expect(numbers(doc)).toEqual(['fagersta 1', 'askersund 1', 'fagersta 2'])
    addPdsaPlan(doc, { organisationId: orgs[1]!, plannedAtMeetingId: 'm-bm2' })
    expect(numbers(doc).at(-1)).toBe('fagersta 3')
  })

  it('two devices adding a plan at once end with distinct numbers, the same on both', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    addPdsaPlan(a, { organisationId: orgs[1]!, plannedAtMeetingId: 'm-bm1' })
    addPdsaPlan(b, { organisationId: orgs[1]!, plannedAtMeetingId: 'm-bm1' })
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(numbers(a).sort()).toEqual(['fagersta 1', 'fagersta 2'])
    expect(readPdsaPlans(b).map((p) => [p.id, p.number])).toEqual(
      readPdsaPlans(a).map((p) => [p.id, p.number]),
    )
  })

  it('the relay’s schema takes the number', () => {
    expect(slotAt(['pdsaPlans', 'x', 'number'])).toMatchObject({ kind: 'value' })
  })
})

describe('PDSA plans in the group results', () => {
  it('status, linked items in the list’s order, level, planned at and followed up at', () => {
    const doc = new Y.Doc()
    const id = addPdsaPlan(doc, {
      organisationId: orgs[1]!,
      plannedAtMeetingId: 'm-bm1',
      aim: ' Språkcaféet ska nå kvinnor ',
    })
    setPdsaChecklistLink(doc, id, 'skr2019-10', true)
    setPdsaChecklistLink(doc, id, 'skr2019-6', true)
    const waiting = addPdsaPlan(doc, { organisationId: orgs[0]!, plannedAtMeetingId: 'm-bm2' })
    const [askersund, fagersta] = planResults(doc, checklist2019, orgs, meetings)
    expect(askersund).toMatchObject({ id: waiting, followUpMeetingId: 'm-bm3', followedUp: false })
    expect(fagersta).toMatchObject({
      number: 1,
      aim: 'Språkcaféet ska nå kvinnor',
      status: 'planerad',
      checklistItemIds: ['skr2019-6', 'skr2019-10'],
      plannedAtMeetingId: 'm-bm1',
      followUpMeetingId: 'm-bm2',
      followedUp: false,
      resultsChainLevel: null,
    })
    updatePdsaPlan(doc, id, {
      status: 'studerad',
      resultsChainLevel: 'utfall',
      followUpMeetingId: 'm-bm3',
    })
    expect(planResults(doc, checklist2019, orgs, meetings)[1]).toMatchObject({
      followedUp: true,
      resultsChainLevel: 'utfall',
      followUpMeetingId: 'm-bm3',
    })
  })
})
