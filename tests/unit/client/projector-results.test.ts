import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { projectorResultsOf } from '../../../client/src/projector/projector-results.ts'
import type { ChecklistScore } from '../../../shared/domain/checklist.ts'
import { checklist2019 } from '../../../shared/domain/checklist-versions.ts'
import { organisationChecklistResults } from '../../../shared/results/checklist.ts'
import { setChecklistScore } from '../../../shared/workspace/checklist.ts'

const org = 'kommun-a'
const score = (doc: Y.Doc, phase: 'uppstart' | 'bm1', scores: ChecklistScore[]) =>
  scores.forEach((s, index) =>
    setChecklistScore(doc, org, phase, checklist2019.items[index]!.id, s),
  )

describe('projectorResultsOf', () => {
  it('gives each phase its total and the criterion in words, blank phases blank', () => {
    const doc = new Y.Doc()
    // Uppstart: 2+2+1+2+2+2+1+2+2+2 = 18, a 1 on items 3 and 7: not met.
    score(doc, 'uppstart', [2, 2, 1, 2, 2, 2, 1, 2, 2, 2])
    // BM1: six 3s and no 1: 3·6 + 2·4 = 26, met.
    score(doc, 'bm1', [3, 3, 3, 3, 3, 3, 2, 2, 2, 2])
    const view = projectorResultsOf(organisationChecklistResults(doc, checklist2019, org))
    expect(view.max).toBe(30)
    expect(view.cells.map((cell) => [cell.phase, cell.total, cell.criterion])).toEqual([
      ['uppstart', 18, 'notMet'],
      ['bm1', 26, 'met'],
      ['bm2', null, 'notScored'],
      ['bm3', null, 'notScored'],
      ['avslutning', null, 'notScored'],
    ])
    expect(view.cells.every((cell) => cell.partly === null)).toBe(true)
    expect(view.latest?.phase).toBe('bm1')
  })

  it('says how much of a partly scored phase its total covers, and that it is not met', () => {
    const doc = new Y.Doc()
    score(doc, 'uppstart', [3, 3, 3, 3, 3, 3, 3])
    const view = projectorResultsOf(organisationChecklistResults(doc, checklist2019, org))
    expect(view.cells[0]).toEqual({
      phase: 'uppstart',
      total: 21,
      partly: { scored: 7, count: 10 },
      criterion: 'notMet',
    })
    expect(view.latest?.phase).toBe('uppstart')
  })

  it('has no latest phase before anything is scored', () => {
    const view = projectorResultsOf(organisationChecklistResults(new Y.Doc(), checklist2019, org))
    expect(view.latest).toBeNull()
    expect(view.cells.every((cell) => cell.criterion === 'notScored')).toBe(true)
  })
})
