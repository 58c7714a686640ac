/**
 * A group's year of work as a list of edits, each one transaction on whatever replica runs
 * it (so a bench can spread them over several clients' sessions, as members' visits are):
 * every meeting's agenda worked through, every matrix answer written, the checklist scored
 * and commented at every phase, and PDSA plans with every field filled. Texts are typed in
 * pieces of `piece` characters (1: a character per update, with a correction now and then,
 * as a person types), so the number of edits is what a year's log holds.
 */
import type * as Y from 'yjs'
import { checklistPhaseFor, type ChecklistScore } from '../../shared/domain/checklist.ts'
import { getChecklistVersion } from '../../shared/domain/checklist-versions.ts'
import type { MeetingKind } from '../../shared/domain/meeting-kind.ts'
import { PdsaDecision, PdsaStatus, pdsaTextFields } from '../../shared/domain/pdsa.ts'
import {
  addPdsaPlan,
  getChecklistComment,
  getMatrixAnswer,
  getPdsaField,
  readAgenda,
  readMatrix,
  setChecklistScore,
  updateAgendaItem,
  updatePdsaPlan,
} from '../../shared/workspace/index.ts'

export type Edit = (doc: Y.Doc) => void

export interface YearFrame {
  /** The group's meetings, in order; their structure is in the document already. */
  meetings: readonly { id: string; kind: MeetingKind }[]
  organisationIds: readonly string[]
  checklistVersionId: string
}

export interface YearSize {
  /** Words per matrix answer, checklist comment and PDSA field. */
  answerWords: number
  commentWords: number
  pdsaWords: number
  /** PDSA plans in all, spread over the organisations and meetings. */
  plans: number
  /** Characters per typed piece (1: a character per update, with corrections). */
  piece: number
}

/** Words from what groups write about (domain.md's vocabulary), as realistic text. */
const vocabulary = (
  'jämställdhet styrning uppföljning nyckeltal könsuppdelad statistik analys ' +
  'nämnden förvaltningen kvinnor och män flickor och pojkar budget mål resultat ' +
  'verksamheten beslutsunderlag könskonsekvensbeskrivning förbättring'
).split(' ')

const prose = (words: number, seed = 0): string =>
  Array.from({ length: words }, (_, i) => vocabulary[(i * 7 + seed) % vocabulary.length]).join(' ')

/** Edits typing `content` at the end of a text, found again on the replica each time. */
function typing(text: (doc: Y.Doc) => Y.Text | undefined, content: string, piece: number) {
  const edits: Edit[] = []
  const at = (doc: Y.Doc) => {
    const found = text(doc)
    if (!found) throw new Error('no text to type in')
    return found
  }
  for (let i = 0; i < content.length; i += piece) {
    const part = content.slice(i, i + piece)
    edits.push((doc) => doc.transact(() => at(doc).insert(at(doc).length, part)))
    // A person corrects a typo now and then.
    if (piece === 1 && i % 40 === 39)
      edits.push((doc) => doc.transact(() => at(doc).delete(at(doc).length - 3, 3)))
  }
  return edits
}

/**
 * The year's edits. `structure` is a replica holding the meetings' structure (ids of agenda
 * items and questions are read from it); the edits then run on any replica of the group.
 */
export function yearOfEdits(structure: Y.Doc, frame: YearFrame, size: YearSize): Edit[] {
  const edits: Edit[] = []
  const items = getChecklistVersion(frame.checklistVersionId).items
  const organisations = frame.organisationIds
  let seed = 0
  for (const [index, meeting] of frame.meetings.entries()) {
    const agenda = readAgenda(structure, meeting.id)
    agenda.forEach((item, n) =>
      edits.push((doc) =>
        updateAgendaItem(doc, meeting.id, item.id, {
          done: true,
          responsibleOrganisationId: organisations[n % organisations.length] ?? null,
        }),
      ),
    )
    for (const question of readMatrix(structure, meeting.id).questions)
      for (const organisation of organisations)
        edits.push(
          ...typing(
            (doc) => getMatrixAnswer(doc, meeting.id, question.id, organisation),
            prose(size.answerWords, seed++),
            size.piece,
          ),
        )
    const phase = checklistPhaseFor(meeting.kind)
    if (phase)
      for (const organisation of organisations)
        for (const item of items) {
          edits.push((doc) =>
            setChecklistScore(
              doc,
              organisation,
              phase,
              item.id,
              (1 + (seed % 3)) as ChecklistScore,
            ),
          )
          edits.push(
            ...typing(
              (doc) => getChecklistComment(doc, organisation, phase, item.id),
              prose(size.commentWords, seed++),
              size.piece,
            ),
          )
        }
    // The plans made at this meeting, followed up at the next.
    const plansHere =
      Math.floor((size.plans * (index + 1)) / frame.meetings.length) -
      Math.floor((size.plans * index) / frame.meetings.length)
    for (let p = 0; p < plansHere; p++) {
      const organisationId = organisations[p % organisations.length]!
      const plan = { id: '' }
      edits.push((doc) => {
        plan.id = addPdsaPlan(doc, {
          organisationId,
          plannedAtMeetingId: meeting.id,
          followUpMeetingId: frame.meetings[index + 1]?.id ?? null,
        })
      })
      for (const field of pdsaTextFields)
        edits.push(
          ...typing(
            (doc) => getPdsaField(doc, plan.id, field),
            prose(size.pdsaWords, seed++),
            size.piece,
          ),
        )
      edits.push((doc) =>
        updatePdsaPlan(doc, plan.id, { status: PdsaStatus.Studerad, decision: PdsaDecision.Anta }),
      )
    }
  }
  return edits
}
