import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { checklist2019 } from '../../../shared/domain/checklist-versions.ts'
import {
  addAgendaItem,
  addMatrixQuestion,
  addPdsaPlan,
  getMatrixAnswer,
  getPdsaField,
  getQuestionText,
  initialiseMeeting,
  readAgenda,
  readChecklist,
  readMatrix,
  readPdsaPlans,
  removeMatrixQuestion,
  removePdsaPlan,
  setChecklistScore,
  updateAgendaItem,
} from '../../../shared/workspace/index.ts'
import { restoreFromVersion, type RestoreScope } from '../../../shared/workspace/restore.ts'

const ORGS = ['askersund', 'fagersta']

/** A workspace with two meetings, a question answered by both organisations and a plan. */
function workspace() {
  const doc = new Y.Doc()
  for (const [meetingId, kind] of [
    ['bm1', 'bm1'],
    ['bm2', 'bm2'],
  ] as const)
    initialiseMeeting(doc, {
      meetingId,
      kind,
      organisationIds: ORGS,
      checklistVersionId: 'skr-2019',
    })
  const question = addMatrixQuestion(doc, 'bm1', 'Hur mäter ni väntetider?')!
  getMatrixAnswer(doc, 'bm1', question, 'askersund')!.insert(0, 'Varje vecka')
  getMatrixAnswer(doc, 'bm1', question, 'fagersta')!.insert(0, 'Aldrig')
  const plan = addPdsaPlan(doc, { organisationId: 'askersund', plannedAtMeetingId: 'bm1' })
  getPdsaField(doc, plan, 'aim')!.insert(0, 'Kortare köer')
  setChecklistScore(doc, 'askersund', 'bm1', checklist2019.items[0]!.id, 2)
  return { doc, question, plan }
}

/** The stored version: a separate document from the state's bytes, as a snapshot is read. */
const versionOf = (doc: Y.Doc): Y.Doc => {
  const version = new Y.Doc()
  Y.applyUpdate(version, Y.encodeStateAsUpdate(doc))
  return version
}

/** Restores on `doc` as the server does (one transaction), returning the update it made. */
function restore(doc: Y.Doc, version: Y.Doc, scope: RestoreScope) {
  const updates: Uint8Array[] = []
  const collect = (update: Uint8Array) => updates.push(update)
  doc.on('update', collect)
  let changes = 0
  doc.transact(() => {
    changes = restoreFromVersion(doc, version, scope)
  })
  doc.off('update', collect)
  return { changes, update: updates.length > 0 ? Y.mergeUpdates(updates) : null }
}

const agendaTitles = (doc: Y.Doc, meetingId: string) =>
  readAgenda(doc, meetingId).map((item) => item.title)

describe('restoreFromVersion', () => {
  it('brings back a deleted question with every answer, keeping later edits to other parts', () => {
    const { doc, question } = workspace()
    const version = versionOf(doc)
    removeMatrixQuestion(doc, 'bm1', question)
    addAgendaItem(doc, 'bm1', { title: 'Fika', minutes: 10 })
    const later = addMatrixQuestion(doc, 'bm1', 'Ny fråga efteråt')!

    const { changes } = restore(doc, version, { meetingId: 'bm1', part: 'matrix' })

    const matrix = readMatrix(doc, 'bm1')
    expect(matrix.questions.map((q) => q.text)).toContain('Hur mäter ni väntetider?')
    expect(matrix.answers[question]).toEqual({ askersund: 'Varje vecka', fagersta: 'Aldrig' })
    // The matrix is as the version had it: the question made later is gone with its cells.
    expect(matrix.questions.map((q) => q.id)).not.toContain(later)
    expect(getMatrixAnswer(doc, 'bm1', later, 'askersund')).toBeUndefined()
    // Outside the part, the later edit stays.
    expect(agendaTitles(doc, 'bm1')).toContain('Fika')
    expect(changes).toBeGreaterThan(0)
  })

  it('writes nothing when the part already equals the version (a new change, not a copy)', () => {
    const { doc } = workspace()
    const version = versionOf(doc)
    expect(restore(doc, version, 'workspace')).toEqual({ changes: 0, update: null })
  })

  it('edits a changed text by its smallest change, so a concurrent edit elsewhere in it merges', () => {
    const { doc, question } = workspace()
    const version = versionOf(doc)
    const title = getQuestionText(doc, 'bm1', question)!
    title.delete(0, title.length)
    title.insert(0, 'Hur mäter ni väntetider i dag?')
    // Another member's replica adds a word inside the same text meanwhile.
    const other = versionOf(doc)
    getQuestionText(other, 'bm1', question)!.insert('Hur '.length, 'exakt ')

    const { update } = restore(doc, version, { meetingId: 'bm1', part: 'matrix' })
    Y.applyUpdate(other, update!)
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other))

    // Replacing the whole text would have put the word outside the restored sentence.
    expect(getQuestionText(doc, 'bm1', question)!.toString()).toBe('Hur exakt mäter ni väntetider?')
    expect(getQuestionText(other, 'bm1', question)!.toString()).toBe(
      'Hur exakt mäter ni väntetider?',
    )
  })

  it('restores one meeting and leaves the other meeting’s later edits', () => {
    const { doc, plan } = workspace()
    const version = versionOf(doc)
    const first = readAgenda(doc, 'bm1')[0]!
    updateAgendaItem(doc, 'bm1', first.id, { minutes: 99 })
    addAgendaItem(doc, 'bm2', { title: 'Senare i BM2', minutes: 5 })
    removePdsaPlan(doc, plan)
    setChecklistScore(doc, 'askersund', 'bm1', checklist2019.items[0]!.id, 3)
    setChecklistScore(doc, 'askersund', 'bm2', checklist2019.items[0]!.id, 3)

    restore(doc, version, { meetingId: 'bm1' })

    expect(readAgenda(doc, 'bm1')[0]!.minutes).toBe(first.minutes)
    expect(readPdsaPlans(doc).map((p) => p.fields.aim)).toEqual(['Kortare köer'])
    expect(readChecklist(doc, checklist2019, 'askersund', 'bm1')[0]!.score).toBe(2)
    // BM2's later edits are untouched.
    expect(agendaTitles(doc, 'bm2')).toContain('Senare i BM2')
    expect(readChecklist(doc, checklist2019, 'askersund', 'bm2')[0]!.score).toBe(3)
  })

  it('restores only the plans of the chosen meeting', () => {
    const { doc, plan } = workspace()
    const version = versionOf(doc)
    removePdsaPlan(doc, plan)
    const later = addPdsaPlan(doc, { organisationId: 'fagersta', plannedAtMeetingId: 'bm1' })
    const elsewhere = addPdsaPlan(doc, { organisationId: 'fagersta', plannedAtMeetingId: 'bm2' })

    restore(doc, version, { meetingId: 'bm1', part: 'pdsa' })

    const ids = readPdsaPlans(doc).map((p) => p.id)
    expect(ids).toContain(plan)
    expect(ids).not.toContain(later)
    expect(ids).toContain(elsewhere)
  })

  it('restores the whole workspace but keeps a meeting made after the version', () => {
    const { doc, question } = workspace()
    const version = versionOf(doc)
    removeMatrixQuestion(doc, 'bm1', question)
    initialiseMeeting(doc, {
      meetingId: 'bm3',
      kind: 'bm3',
      organisationIds: ORGS,
      checklistVersionId: 'skr-2019',
    })
    addAgendaItem(doc, 'bm3', { title: 'BM3:s punkt', minutes: 5 })

    restore(doc, version, 'workspace')

    expect(readMatrix(doc, 'bm1').answers[question]?.askersund).toBe('Varje vecka')
    expect(agendaTitles(doc, 'bm3')).toContain('BM3:s punkt')
  })

  it('empties a checklist comment the version lacked instead of removing its field', () => {
    const { doc } = workspace()
    const version = versionOf(doc)
    const key = `askersund|bm1|${checklist2019.items[1]!.id}`
    const comments = doc.getMap<Y.Text>('checklistComments')
    // A comment field made after the version (a later organisation's, by the server).
    comments.set('hedemora|bm1|x', new Y.Text('ny'))
    comments.get(key)!.insert(0, 'skrivet senare')

    restore(doc, version, { meetingId: 'bm1', part: 'checklist' })

    expect(comments.get(key)!.toString()).toBe('')
    expect(comments.get('hedemora|bm1|x')?.toString()).toBe('')
  })
})
