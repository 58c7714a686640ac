import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { checklist2019 } from '../../../shared/domain/checklist-versions.ts'
import { defaultAgendas, defaultMatrixQuestions } from '../../../shared/domain/defaults.ts'
import {
  addAgendaItem,
  addMatrixQuestion,
  addPdsaPlan,
  agendaTotalMinutes,
  colourFor,
  getAgendaItemTitle,
  getChecklistComment,
  getMatrixAnswer,
  getPdsaField,
  initialiseMeeting,
  moveAgendaItem,
  parsePresence,
  plansForMeeting,
  readAgenda,
  readChecklist,
  readMatrix,
  readPdsaPlans,
  setChecklistScore,
  setPdsaChecklistLink,
  updateAgendaItem,
} from '../../../shared/workspace/index.ts'

const ORGS = ['askersund', 'fagersta', 'hedemora']
const setup = {
  meetingId: 'bm1',
  kind: 'bm1',
  organisationIds: ORGS,
  checklistVersionId: 'skr-2019',
} as const

/** Two replicas of one workspace, synced the way the relay syncs them. */
function replicas() {
  const a = new Y.Doc()
  const b = new Y.Doc()
  initialiseMeeting(a, setup)
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  const sync = () => {
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  }
  return { a, b, sync }
}

describe('initialiseMeeting', () => {
  it('seeds the default agenda, questions, answers and checklist comments', () => {
    const doc = new Y.Doc()
    initialiseMeeting(doc, setup)
    expect(readAgenda(doc, 'bm1').map((i) => i.title)).toEqual(
      defaultAgendas.bm1.map((i) => i.title.sv),
    )
    expect(agendaTotalMinutes(readAgenda(doc, 'bm1'))).toBe(240)
    const matrix = readMatrix(doc, 'bm1')
    expect(matrix.questions.map((q) => q.text)).toEqual(defaultMatrixQuestions.bm1.map((q) => q.sv))
    expect(matrix.organisationIds).toEqual(ORGS)
    expect(getMatrixAnswer(doc, 'bm1', matrix.questions[0]!.id, 'fagersta')).toBeInstanceOf(Y.Text)
    expect(getChecklistComment(doc, 'hedemora', 'bm1', checklist2019.items[9]!.id)).toBeInstanceOf(
      Y.Text,
    )
  })

  it('is idempotent, also on a second replica after sync', () => {
    const { a, b, sync } = replicas()
    const before = Y.encodeStateVector(a)
    initialiseMeeting(a, setup)
    initialiseMeeting(b, setup)
    sync()
    expect(Y.encodeStateVector(a)).toEqual(before)
    expect(readAgenda(b, 'bm1')).toHaveLength(defaultAgendas.bm1.length)
  })

  it('gives an organisation added later a column', () => {
    const doc = new Y.Doc()
    initialiseMeeting(doc, setup)
    initialiseMeeting(doc, { ...setup, organisationIds: [...ORGS, 'malmo'] })
    const matrix = readMatrix(doc, 'bm1')
    expect(matrix.organisationIds).toEqual([...ORGS, 'malmo'])
    expect(getMatrixAnswer(doc, 'bm1', matrix.questions[2]!.id, 'malmo')).toBeInstanceOf(Y.Text)
  })
})

describe('concurrent edits converge without loss', () => {
  it('a move and a concurrent edit of the moved agenda item both survive', () => {
    const { a, b, sync } = replicas()
    const [first, , third] = readAgenda(a, 'bm1')
    moveAgendaItem(a, 'bm1', third!.id, 0)
    getAgendaItemTitle(b, 'bm1', third!.id)!.insert(0, 'Viktigt: ')
    updateAgendaItem(b, 'bm1', third!.id, { minutes: 40 })
    sync()
    for (const doc of [a, b]) {
      const agenda = readAgenda(doc, 'bm1')
      expect(agenda[0]).toMatchObject({ id: third!.id, minutes: 40 })
      expect(agenda[0]!.title.startsWith('Viktigt: ')).toBe(true)
      expect(agenda[1]!.id).toBe(first!.id)
    }
    expect(readAgenda(a, 'bm1')).toEqual(readAgenda(b, 'bm1'))
  })

  it('items added concurrently are both kept', () => {
    const { a, b, sync } = replicas()
    addAgendaItem(a, 'bm1', { title: 'Från Askersund' })
    addAgendaItem(b, 'bm1', { title: 'Från Fagersta' })
    sync()
    const titles = readAgenda(a, 'bm1').map((i) => i.title)
    expect(titles).toContain('Från Askersund')
    expect(titles).toContain('Från Fagersta')
    expect(readAgenda(b, 'bm1')).toEqual(readAgenda(a, 'bm1'))
  })

  it('concurrent typing into one matrix answer loses nothing', () => {
    const { a, b, sync } = replicas()
    const question = readMatrix(a, 'bm1').questions[0]!.id
    getMatrixAnswer(a, 'bm1', question, 'askersund')!.insert(0, 'Styrkedjan ')
    getMatrixAnswer(b, 'bm1', question, 'askersund')!.insert(0, 'Budgeten ')
    sync()
    const answer = readMatrix(a, 'bm1').answers[question]!.askersund!
    expect(answer).toContain('Styrkedjan ')
    expect(answer).toContain('Budgeten ')
    expect(readMatrix(b, 'bm1')).toEqual(readMatrix(a, 'bm1'))
  })

  it('a new question has an answer cell for every organisation', () => {
    const { a, b, sync } = replicas()
    const id = addMatrixQuestion(a, 'bm1', 'Ny fråga')!
    sync()
    expect(readMatrix(b, 'bm1').answers[id]).toEqual({ askersund: '', fagersta: '', hedemora: '' })
  })

  it('concurrent scores converge, and clearing works', () => {
    const { a, b, sync } = replicas()
    const item = checklist2019.items[0]!.id
    setChecklistScore(a, 'askersund', 'bm1', item, 2)
    setChecklistScore(b, 'askersund', 'bm1', item, 3)
    setChecklistScore(b, 'fagersta', 'bm1', item, 1)
    sync()
    const rowA = readChecklist(a, checklist2019, 'askersund', 'bm1')[0]!
    expect(rowA).toEqual(readChecklist(b, checklist2019, 'askersund', 'bm1')[0])
    expect([2, 3]).toContain(rowA.score)
    expect(readChecklist(a, checklist2019, 'fagersta', 'bm1')[0]!.score).toBe(1)
    setChecklistScore(a, 'fagersta', 'bm1', item, null)
    sync()
    expect(readChecklist(b, checklist2019, 'fagersta', 'bm1')[0]!.score).toBeNull()
  })

  it('PDSA plans: fields, links toggled concurrently, follow-up at the next meeting', () => {
    const { a, b, sync } = replicas()
    const id = addPdsaPlan(a, {
      organisationId: 'askersund',
      plannedAtMeetingId: 'bm1',
      aim: 'Jämn fördelning',
    })
    sync()
    getPdsaField(b, id, 'prediction')!.insert(0, 'Fler flickor')
    setPdsaChecklistLink(a, id, 'skr2019-6', true)
    setPdsaChecklistLink(b, id, 'skr2019-9', true)
    sync()
    const [plan] = readPdsaPlans(a)
    expect(plan).toMatchObject({
      id,
      status: 'planerad',
      checklistItemIds: ['skr2019-6', 'skr2019-9'],
    })
    expect(plan!.fields.aim).toBe('Jämn fördelning')
    expect(plan!.fields.prediction).toBe('Fler flickor')
    expect(plansForMeeting(a, 'bm2', 'bm1').followUp.map((p) => p.id)).toEqual([id])
    expect(plansForMeeting(a, 'bm1', 'uppstart').planned.map((p) => p.id)).toEqual([id])
  })
})

describe('presence', () => {
  it('accepts a well-formed state and rejects anything else', () => {
    const user = {
      participantId: 'p1',
      name: 'Anna',
      organisationId: 'askersund',
      function: 'politiker',
      role: 'participant',
      colour: colourFor('p1'),
    }
    expect(parsePresence({ user, focus: null })).toEqual({ user, focus: null })
    expect(parsePresence({ user: { ...user, role: 'admin' }, focus: null })).toBeNull()
    expect(parsePresence('<script>')).toBeNull()
    expect(colourFor('p1')).toBe(colourFor('p1'))
  })
})
