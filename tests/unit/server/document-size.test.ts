import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { checklist2019 } from '../../../shared/domain/checklist-versions.ts'
import { defaultMeetingPlan } from '../../../shared/domain/meeting-kind.ts'
import { DocumentLimits } from '../../../shared/protocol/document-limits.ts'
import { initialiseMeeting } from '../../../shared/workspace/index.ts'
import { yearOfEdits } from '../../helpers/year-workspace.ts'

const ORGANISATIONS = ['askersund', 'fagersta', 'arboga', 'hedemora']

/**
 * The default of MAX_DOCUMENT_BYTES is sized from this: a year of one group's meetings
 * (five meetings with every matrix answer written, four PDSA plans per organisation with
 * every field, the checklist scored and commented at every phase), typed as people type.
 */
describe('a year-long workspace', () => {
  it('stays far below the document size limit', () => {
    const doc = new Y.Doc()
    const meetings = defaultMeetingPlan.map((kind) => ({ id: kind, kind }))
    for (const meeting of meetings)
      initialiseMeeting(doc, {
        meetingId: meeting.id,
        kind: meeting.kind,
        organisationIds: ORGANISATIONS,
        checklistVersionId: checklist2019.id,
      })
    const edits = yearOfEdits(
      doc,
      { meetings, organisationIds: ORGANISATIONS, checklistVersionId: checklist2019.id },
      { answerWords: 60, commentWords: 12, pdsaWords: 40, plans: 16, piece: 1 },
    )
    for (const edit of edits) edit(doc)
    const bytes = Y.encodeStateAsUpdate(doc).byteLength
    console.info(`year-long workspace: ${(bytes / 1024).toFixed(0)} kB encoded`)
    expect(bytes).toBeGreaterThan(100 * 1024) // it is a real year's worth
    expect(bytes * 50).toBeLessThan(DocumentLimits.maxDocumentBytes)
  })
})
