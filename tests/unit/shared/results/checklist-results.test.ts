import { describe, expect, it } from 'vitest'
import { checklist2017, checklist2019 } from '../../../../shared/domain/checklist-versions.ts'
import {
  blockingItemIds,
  criterionResult,
  readGroupResults,
} from '../../../../shared/results/index.ts'
import { getChecklistComment } from '../../../../shared/workspace/index.ts'
import { askersundFagersta, meetings, workspaceWith } from './fixtures.ts'

const item = (n: number) => `skr2019-${n}`
const item2017 = (n: number) => `skl2017-${n}`
const scoresOf = (ids: (n: number) => string, values: (1 | 2 | 3 | undefined)[]) =>
  Object.fromEntries(values.map((score, i) => [ids(i + 1), score]))

function results() {
  const doc = workspaceWith(askersundFagersta)
  getChecklistComment(doc, 'kommun-fagersta', 'bm1', item(2))?.insert(0, 'KS efterfrågar')
  return readGroupResults(doc, {
    version: checklist2019,
    organisationIds: ['kommun-askersund', 'kommun-fagersta'],
    meetings,
  })
}

describe('a group’s checklist results (Askersund and Fagersta, 2019 round)', () => {
  it('totals per phase against the maximum, and the improvement first to last', () => {
    const [askersund, fagersta] = results().organisations
    expect(askersund!.phases.map((p) => p.total)).toEqual([15, 17, 21, 25, 26])
    expect(fagersta!.phases.map((p) => p.total)).toEqual([16, 20, 24, 26, 28])
    expect(askersund!.phases.every((p) => p.max === 30 && p.scored === 10)).toBe(true)
    expect(askersund!.improvement).toBe(11)
    expect(fagersta!.improvement).toBe(12)
  })

  it('pairs each phase with the meeting it is scored for', () => {
    expect(results().phases.map((p) => [p.phase, p.meetingId])).toEqual([
      ['uppstart', 'm-uppstart'],
      ['bm1', 'm-bm1'],
      ['bm2', 'm-bm2'],
      ['bm3', 'm-bm3'],
      ['avslutning', 'm-resultat'],
    ])
  })

  it('follows each item through the phases, with its comments', () => {
    const fagersta = results().organisations[1]!
    expect(fagersta.items[2]).toMatchObject({
      itemId: item(3),
      number: 3,
      scores: { uppstart: 1, bm1: 2, bm2: 3, bm3: 3, avslutning: 3 },
      change: 2,
    })
    expect(fagersta.items[1]!.comments.bm1).toBe('KS efterfrågar')
    expect(fagersta.items[1]!.comments.uppstart).toBe('')
  })

  it('meets the criterion only with no 1 and six 3s; Fagersta’s BM3 fails on item 10 alone', () => {
    const [askersund, fagersta] = results().organisations
    expect(askersund!.phases.map((p) => p.criterion.met)).toEqual([
      false,
      false,
      false,
      false,
      true,
    ])
    const bm3 = fagersta!.phases[3]!.criterion
    expect(bm3).toMatchObject({ met: false, ones: 1, threes: 7, threesNeeded: 0 })
    expect(blockingItemIds(checklist2019, bm3)).toEqual([item(10)])
    expect(fagersta!.phases[4]!.criterion.met).toBe(true)
    // Askersund's BM3: five 3s (items 1–4, 6), no 1: one of the 2s must become a 3.
    const askersundBm3 = askersund!.phases[3]!.criterion
    expect(askersundBm3).toMatchObject({ met: false, ones: 0, threes: 5, threesNeeded: 1 })
    expect(blockingItemIds(checklist2019, askersundBm3)).toEqual([5, 7, 8, 9, 10].map(item))
  })

  it('an unscored phase is not met and names every item as unscored', () => {
    const doc = workspaceWith({ 'kommun-askersund': { uppstart: [3, 3, 3] } })
    const [askersund] = readGroupResults(doc, {
      version: checklist2019,
      organisationIds: ['kommun-askersund'],
      meetings,
    }).organisations
    expect(askersund!.phases[0]).toMatchObject({ total: 9, scored: 3 })
    expect(askersund!.phases[0]!.criterion.unscoredItemIds).toHaveLength(7)
    expect(askersund!.phases[1]).toMatchObject({ total: 0, scored: 0 })
    expect(askersund!.improvement).toBeNull()
  })
})

describe('the 13-item list (2017–18) has its own rule: no 1 and six 3s over all thirteen', () => {
  it('six 3s and seven 2s meet it (32 of 39)', () => {
    const scores = scoresOf(item2017, [3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2])
    expect(criterionResult(checklist2017, scores)).toMatchObject({ met: true, threes: 6 })
  })

  it('a 1 on item 13, beyond the ten-item list, bars it, and is named', () => {
    const scores = scoresOf(item2017, [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1])
    const result = criterionResult(checklist2017, scores)
    expect(result.met).toBe(false)
    expect(blockingItemIds(checklist2017, result)).toEqual([item2017(13)])
  })

  it('items 11–13 left unscored bar it, though the first ten would meet the 2019 rule', () => {
    const ten = [3, 3, 3, 3, 3, 3, 2, 2, 2, 2] as const
    expect(criterionResult(checklist2019, scoresOf(item, [...ten])).met).toBe(true)
    const result = criterionResult(checklist2017, scoresOf(item2017, [...ten]))
    expect(result.met).toBe(false)
    expect(result.unscoredItemIds).toEqual([11, 12, 13].map(item2017))
  })

  it('the rule is the list’s own data', () => {
    expect(checklist2017.criterion).toEqual({ minThrees: 6 })
    expect(checklist2019.criterion).toEqual({ minThrees: 6 })
  })
})
