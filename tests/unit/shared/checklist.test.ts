import { describe, expect, it } from 'vitest'
import {
  checklistPhaseFor,
  criterionStatus,
  improvement,
  maxScore,
  meanPerItem,
  meetsModellkommunCriterion,
  totalScore,
  type ChecklistScore,
  type PhaseScores,
} from '../../../shared/domain/checklist.ts'
import {
  checklist2017,
  checklist2019,
  getChecklistVersion,
} from '../../../shared/domain/checklist-versions.ts'
import { MeetingKind } from '../../../shared/domain/meeting-kind.ts'

const scoresOf = (values: (ChecklistScore | undefined)[]): PhaseScores =>
  Object.fromEntries(checklist2019.items.map((item, i) => [item.id, values[i]]))

describe('checklist versions', () => {
  it('has the 2019 ten-item list and the 2017–18 thirteen-item list', () => {
    expect(checklist2019.items).toHaveLength(10)
    expect(checklist2017.items).toHaveLength(13)
    expect(maxScore(checklist2017)).toBe(39)
    expect(checklist2019.items[0]!.text.sv).toBe(
      'Den politiska församlingen har tagit beslut om jämställdhetsintegrering.',
    )
    expect(new Set(checklist2019.items.map((i) => i.id)).size).toBe(10)
    expect(getChecklistVersion('skl-2017')).toBe(checklist2017)
  })

  it('maps meetings to checklist phases', () => {
    expect(checklistPhaseFor(MeetingKind.Uppstart)).toBe('uppstart')
    expect(checklistPhaseFor(MeetingKind.Uppfoljning)).toBe('bm2')
    expect(checklistPhaseFor(MeetingKind.Resultatkonferens)).toBe('avslutning')
    expect(checklistPhaseFor(MeetingKind.Extra)).toBeNull()
  })
})

describe('the Modellkommun criterion: no 1 and at least six 3s', () => {
  it('is met with six 3s and no 1', () => {
    expect(
      meetsModellkommunCriterion(checklist2019, scoresOf([3, 3, 3, 3, 3, 3, 2, 2, 2, 2])),
    ).toBe(true)
  })
  it('is not met with a single 1', () => {
    const status = criterionStatus(checklist2019, scoresOf([3, 3, 3, 3, 3, 3, 3, 3, 3, 1]))
    expect(status).toMatchObject({ met: false, ones: 1, threes: 9 })
  })
  it('is not met with five 3s, and says how many are missing', () => {
    expect(criterionStatus(checklist2019, scoresOf([3, 3, 3, 3, 3, 2, 2, 2, 2, 2]))).toEqual({
      met: false,
      ones: 0,
      threes: 5,
      unscored: 0,
      threesNeeded: 1,
    })
  })
  it('is not met while an item is unscored', () => {
    const status = criterionStatus(checklist2019, scoresOf([3, 3, 3, 3, 3, 3, 3, 3, 3, undefined]))
    expect(status).toMatchObject({ met: false, unscored: 1 })
  })
})

describe('totals, improvement and means', () => {
  it('totals ignore unscored items', () => {
    expect(totalScore(checklist2019, scoresOf([1, 2, 3, undefined]))).toBe(6)
    expect(totalScore(checklist2019, {})).toBe(0)
  })
  it('improvement is last minus first', () => {
    const first = scoresOf([1, 1, 1, 1, 1, 1, 1, 1, 1, 1])
    const last = scoresOf([3, 3, 3, 2, 2, 2, 2, 2, 2, 2])
    expect(improvement(checklist2019, first, last)).toBe(23 - 10)
  })
  it('means per item across organisations skip the unscored', () => {
    const means = meanPerItem(checklist2019, [
      scoresOf([1, 3]),
      scoresOf([2, undefined]),
      scoresOf([3]),
    ])
    const [first, second, third] = checklist2019.items
    expect(means[first!.id]).toBe(2)
    expect(means[second!.id]).toBe(3)
    expect(means[third!.id]).toBeNull()
  })
})
