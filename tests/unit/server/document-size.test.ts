import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { checklist2019 } from '../../../shared/domain/checklist-versions.ts'
import { checklistPhaseFor } from '../../../shared/domain/checklist.ts'
import { defaultMeetingPlan } from '../../../shared/domain/meeting-kind.ts'
import { pdsaTextFields } from '../../../shared/domain/pdsa.ts'
import { DocumentLimits } from '../../../shared/protocol/document-limits.ts'
import {
  addPdsaPlan,
  getChecklistComment,
  getMatrixAnswer,
  getPdsaField,
  initialiseMeeting,
  readMatrix,
  setChecklistScore,
} from '../../../shared/workspace/index.ts'

const ORGANISATIONS = ['askersund', 'fagersta', 'arboga', 'hedemora']

/** Types text as a person does: a character per update, with a correction now and then. */
function type(doc: Y.Doc, text: Y.Text | undefined, content: string): void {
  if (!text) throw new Error('no text to type in')
  for (let i = 0; i < content.length; i++) {
    doc.transact(() => text.insert(text.length, content[i]!))
    if (i % 40 === 39) doc.transact(() => text.delete(text.length - 3, 3))
  }
}

const prose = (words: number) =>
  Array.from(
    { length: words },
    (_, i) => ['jämställdhet', 'styrning', 'uppföljning', 'mål'][i % 4],
  ).join(' ')

/**
 * The default of MAX_DOCUMENT_BYTES is sized from this: a year of one group's meetings
 * (five meetings with every matrix answer written, four PDSA plans per organisation with
 * every field, the checklist scored and commented at every phase), typed as people type.
 */
describe('a year-long workspace', () => {
  it('stays far below the document size limit', () => {
    const doc = new Y.Doc()
    for (const kind of defaultMeetingPlan) {
      initialiseMeeting(doc, {
        meetingId: kind,
        kind,
        organisationIds: ORGANISATIONS,
        checklistVersionId: checklist2019.id,
      })
      const matrix = readMatrix(doc, kind)
      for (const question of matrix.questions)
        for (const organisation of ORGANISATIONS)
          type(doc, getMatrixAnswer(doc, kind, question.id, organisation), prose(60))
      const phase = checklistPhaseFor(kind)
      for (const organisation of ORGANISATIONS) {
        for (const item of checklist2019.items) {
          if (!phase) continue
          setChecklistScore(doc, organisation, phase, item.id, 2)
          type(doc, getChecklistComment(doc, organisation, phase, item.id), prose(12))
        }
      }
    }
    for (const organisation of ORGANISATIONS) {
      for (let plan = 0; plan < 4; plan++) {
        const id = addPdsaPlan(doc, { organisationId: organisation, plannedAtMeetingId: 'bm1' })
        for (const field of pdsaTextFields) type(doc, getPdsaField(doc, id, field), prose(40))
      }
    }
    const bytes = Y.encodeStateAsUpdate(doc).byteLength
    console.info(`year-long workspace: ${(bytes / 1024).toFixed(0)} kB encoded`)
    expect(bytes).toBeGreaterThan(100 * 1024) // it is a real year's worth
    expect(bytes * 50).toBeLessThan(DocumentLimits.maxDocumentBytes)
  })
})
