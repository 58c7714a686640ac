import { describe, expect, it } from 'vitest'
import { checklist2017, checklist2019 } from '../../../../shared/domain/checklist-versions.ts'
import {
  criterionCountsPerPhase,
  meanPerItemPerPhase,
  organisationsReachingLevel,
  plansPerResultsChainLevel,
  readGroupResults,
} from '../../../../shared/results/index.ts'
import { addPdsaPlan, updatePdsaPlan } from '../../../../shared/workspace/index.ts'
import { askersundFagersta, botkyrkaVasteras, meetings, workspaceWith } from './fixtures.ts'

function round() {
  const first = workspaceWith(askersundFagersta)
  const a = addPdsaPlan(first, { organisationId: 'kommun-askersund', plannedAtMeetingId: 'm-bm1' })
  const f = addPdsaPlan(first, { organisationId: 'kommun-fagersta', plannedAtMeetingId: 'm-bm1' })
  addPdsaPlan(first, { organisationId: 'kommun-fagersta', plannedAtMeetingId: 'm-bm2' })
  updatePdsaPlan(first, a, { resultsChainLevel: 'arbetssatt' })
  updatePdsaPlan(first, f, { resultsChainLevel: 'utfall' })
  const second = workspaceWith(botkyrkaVasteras)
  const b = addPdsaPlan(second, { organisationId: 'kommun-botkyrka', plannedAtMeetingId: 'm-bm1' })
  updatePdsaPlan(second, b, { resultsChainLevel: 'produkt' })
  return [
    readGroupResults(first, {
      version: checklist2019,
      organisationIds: Object.keys(askersundFagersta),
      meetings,
    }),
    readGroupResults(second, {
      version: checklist2019,
      organisationIds: Object.keys(botkyrkaVasteras),
      meetings,
    }),
  ]
}

describe('a round’s figures over its groups (the report’s Table 1 shape)', () => {
  it('means per item per phase across organisations, and the improvement first to last', () => {
    const table = meanPerItemPerPhase(checklist2019, round())
    // Item 1: uppstart (3 + 3 + 2 + 3) / 4; later only Askersund and Fagersta: 3.
    expect(table[0]).toMatchObject({
      number: 1,
      means: { uppstart: 2.75, bm1: 3, bm2: 3, bm3: 3, avslutning: 3 },
      respondents: { uppstart: 4, bm1: 2, avslutning: 2 },
      improvement: 0.25,
    })
    // Item 3: (2 + 1 + 2 + 3) / 4 = 2 at uppstart, then 2, 2.5, 3, 3.
    expect(table[2]!.means).toEqual({ uppstart: 2, bm1: 2, bm2: 2.5, bm3: 3, avslutning: 3 })
    expect(table[2]!.improvement).toBe(1)
    // Item 10: (1 + 1 + 2 + 2) / 4 = 1.5, then 1, 1.5, 1.5, 2.
    expect(table[9]!.means).toEqual({ uppstart: 1.5, bm1: 1, bm2: 1.5, bm3: 1.5, avslutning: 2 })
  })

  it('means of one group alone, by hand', () => {
    const [first] = round()
    const means = meanPerItemPerPhase(checklist2019, [first!]).map((row) => row.means.bm1)
    expect(means).toEqual([3, 2.5, 2, 2, 2.5, 2, 1, 1.5, 1, 1])
  })

  it('counts the organisations meeting the criterion per phase', () => {
    const counts = criterionCountsPerPhase(checklist2019, round())
    expect(counts.uppstart).toEqual({ met: 1, fullyScored: 4, scored: 4 }) // Västerås
    expect(counts.bm3).toEqual({ met: 0, fullyScored: 2, scored: 2 })
    expect(counts.avslutning).toEqual({ met: 2, fullyScored: 2, scored: 2 })
  })

  it('leaves out groups on another checklist version', () => {
    const groups = round()
    expect(meanPerItemPerPhase(checklist2017, groups)[0]!.respondents.uppstart).toBe(0)
    expect(criterionCountsPerPhase(checklist2017, groups).uppstart.scored).toBe(0)
  })

  it('counts PDSA plans per results-chain level, and organisations reaching a level', () => {
    const groups = round()
    expect(plansPerResultsChainLevel(groups)).toEqual({
      aktivitet: 0,
      produkt: 1,
      arbetssatt: 1,
      utfall: 1,
      samhallseffekt: 0,
      none: 1,
    })
    expect(organisationsReachingLevel(groups, 'arbetssatt')).toBe(2)
    expect(organisationsReachingLevel(groups, 'utfall')).toBe(1)
    expect(organisationsReachingLevel(groups, 'aktivitet')).toBe(3)
  })
})
