import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { checklist2019 } from '../../../shared/domain/checklist-versions.ts'
import { defaultAgendas, defaultMatrixQuestions } from '../../../shared/domain/defaults.ts'
import {
  addAgendaItem,
  addPdsaPlan,
  checklistCommentsOf,
  checklistKey,
  checklistScoresOf,
  getAgendaItemTitle,
  getChecklistComment,
  getMatrixAnswer,
  getPdsaField,
  getQuestionText,
  initialiseMeeting,
  meetingsOf,
  orderedEntries,
  pdsaPlansOf,
  readAgenda,
  readChecklist,
  readMatrix,
  readMeeting,
  readPdsaPlans,
} from '../../../shared/workspace/index.ts'

/**
 * Anyone with an invitation can write any value anywhere in the document (the relay's gate
 * refuses known bad shapes, but a copy in IndexedDB or an older server may still hold one).
 * Every reader skips an entry of the wrong kind and falls back on a field of the wrong type,
 * so one bad entry never blanks a board part for the whole group.
 */

const ORGS = ['askersund', 'fagersta', 'hedemora']

function workspace() {
  const doc = new Y.Doc()
  initialiseMeeting(doc, {
    meetingId: 'bm1',
    kind: 'bm1',
    organisationIds: ORGS,
    checklistVersionId: 'skr-2019',
  })
  const meeting = meetingsOf(doc).get('bm1')!
  return { doc, meeting, map: (key: string) => meeting.get(key) as Y.Map<unknown> }
}

/** Values of every kind that do not belong where a map (or a text) is expected. */
const wrongKinds = (): [string, () => unknown][] => [
  ['a number', () => 7],
  ['a string', () => 'x'],
  ['null', () => null],
  ['an array', () => [1, 2]],
  ['a Y.Array', () => Y.Array.from([1])],
  ['a Y.Text', () => new Y.Text('x')],
]

describe.each(wrongKinds())('%s where an entry belongs', (_name, wrong) => {
  it('is skipped in the agenda; the other items still read', () => {
    const { doc, map } = workspace()
    map('agenda').set('bad', wrong())
    expect(readAgenda(doc, 'bm1').map((item) => item.title)).toEqual(
      defaultAgendas.bm1.map((item) => item.title.sv),
    )
    expect(getAgendaItemTitle(doc, 'bm1', 'bad')).toBeUndefined()
    // Adding an item after the bad one still works (it reads the positions).
    expect(addAgendaItem(doc, 'bm1', { title: 'Ny' })).toBeTypeOf('string')
    expect(readAgenda(doc, 'bm1').at(-1)?.title).toBe('Ny')
  })

  it('is skipped among the matrix questions and answers', () => {
    const { doc, map } = workspace()
    map('questions').set('bad', wrong())
    const first = readMatrix(doc, 'bm1').questions[0]!.id
    // A text belongs at an answer's key: a map is the wrong kind there.
    const answer = wrong()
    map('answers').set(`${first}|askersund`, answer instanceof Y.Text ? new Y.Map() : answer)
    const matrix = readMatrix(doc, 'bm1')
    expect(matrix.questions.map((q) => q.text)).toEqual(defaultMatrixQuestions.bm1.map((q) => q.sv))
    expect(matrix.answers[first]).toEqual({ askersund: '', fagersta: '', hedemora: '' })
    expect(getQuestionText(doc, 'bm1', 'bad')).toBeUndefined()
    expect(getMatrixAnswer(doc, 'bm1', first, 'askersund')).toBeUndefined()
    expect(getMatrixAnswer(doc, 'bm1', first, 'fagersta')).toBeInstanceOf(Y.Text)
  })

  it('is skipped among the PDSA plans', () => {
    const { doc } = workspace()
    const id = addPdsaPlan(doc, { organisationId: 'askersund', plannedAtMeetingId: 'bm1' })
    pdsaPlansOf(doc).set('bad', wrong() as Y.Map<unknown>)
    expect(readPdsaPlans(doc).map((plan) => plan.id)).toEqual([id])
    expect(getPdsaField(doc, 'bad', 'aim')).toBeUndefined()
  })

  it('is skipped as a meeting; the other meeting still reads', () => {
    const { doc } = workspace()
    meetingsOf(doc).set('broken', wrong() as Y.Map<unknown>)
    expect(readMeeting(doc, 'broken')).toBeNull()
    expect(readAgenda(doc, 'broken')).toEqual([])
    expect(readMatrix(doc, 'broken')).toEqual({ organisationIds: [], questions: [], answers: {} })
    expect(getAgendaItemTitle(doc, 'broken', 'default-1')).toBeUndefined()
    expect(getQuestionText(doc, 'broken', 'default-1')).toBeUndefined()
    expect(readMeeting(doc, 'bm1')?.kind).toBe('bm1')
  })

  it('falls back as a checklist comment or score', () => {
    const { doc } = workspace()
    const [first, second] = checklist2019.items
    const key = checklistKey('askersund', 'bm1', first!.id)
    // A text belongs at a comment's key: a map is the wrong kind there.
    const comment = wrong()
    checklistCommentsOf(doc).set(key, (comment instanceof Y.Text ? new Y.Map() : comment) as Y.Text)
    checklistScoresOf(doc).set(key, wrong() as number)
    checklistScoresOf(doc).set(checklistKey('askersund', 'bm1', second!.id), 3)
    const rows = readChecklist(doc, checklist2019, 'askersund', 'bm1')
    expect(rows[0]).toEqual({ itemId: first!.id, score: null, comment: '' })
    expect(rows[1]).toMatchObject({ score: 3, comment: '' })
    expect(getChecklistComment(doc, 'askersund', 'bm1', first!.id)).toBeUndefined()
  })
})

describe('fields of the wrong type fall back', () => {
  it('an agenda item', () => {
    const { doc, map } = workspace()
    const item = map('agenda').get('default-2') as Y.Map<unknown>
    item.set('title', 5)
    item.set('minutes', 'lots')
    item.set('responsibleOrganisationId', 12)
    item.set('done', 'yes')
    item.set('position', Number.NaN)
    const agenda = readAgenda(doc, 'bm1')
    expect(agenda).toHaveLength(defaultAgendas.bm1.length)
    expect(agenda.find((i) => i.id === 'default-2')).toMatchObject({
      title: '',
      minutes: 0,
      responsibleOrganisationId: null,
      done: false,
      position: 0,
    })
    expect(getAgendaItemTitle(doc, 'bm1', 'default-2')).toBeUndefined()
  })

  it('positions that are not finite numbers order as 0 (NaN would scramble the sort)', () => {
    const doc = new Y.Doc()
    const list = doc.getMap<Y.Map<unknown>>('list')
    const at = (position: unknown) => {
      const item = new Y.Map<unknown>()
      item.set('position', position)
      return item
    }
    list.set('c', at(3))
    list.set('nan', at(Number.NaN))
    list.set('a', at(1))
    list.set('inf', at(Number.POSITIVE_INFINITY))
    list.set('b', at(2))
    list.set('text', at('2'))
    list.set('n', 9 as unknown as Y.Map<unknown>)
    expect(orderedEntries(list).map((e) => e.id)).toEqual(['inf', 'nan', 'text', 'a', 'b', 'c'])
  })

  it('a meeting: unknown kind, organisations that are not strings', () => {
    const { doc, meeting } = workspace()
    meeting.set('kind', 'party')
    meeting.set('organisationIds', 'askersund')
    meeting.set('agenda', 4)
    expect(readMeeting(doc, 'bm1')).toEqual({
      id: 'bm1',
      kind: null,
      organisationIds: [],
    })
    expect(readAgenda(doc, 'bm1')).toEqual([])
    meeting.set('organisationIds', [1, 'fagersta', null])
    expect(readMatrix(doc, 'bm1').organisationIds).toEqual(['fagersta'])
  })

  it('a PDSA plan', () => {
    const { doc } = workspace()
    const id = addPdsaPlan(doc, { organisationId: 'askersund', plannedAtMeetingId: 'bm1' })
    const plan = pdsaPlansOf(doc).get(id)!
    plan.set('aim', 5)
    plan.set('status', 'done!')
    plan.set('createdAt', 'yesterday')
    plan.set('organisationId', 4)
    plan.set('checklistItems', [1])
    expect(readPdsaPlans(doc)[0]).toMatchObject({
      id,
      organisationId: '',
      status: 'planerad',
      createdAt: 0,
      checklistItemIds: [],
      fields: expect.objectContaining({ aim: '' }),
    })
    const items = new Y.Map<unknown>()
    plan.set('checklistItems', items)
    items.set('skr2019-1', true)
    items.set('skr2019-2', 'yes')
    expect(readPdsaPlans(doc)[0]!.checklistItemIds).toEqual(['skr2019-1'])
  })
})
