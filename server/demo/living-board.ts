import type * as Y from 'yjs'
import type { CohortSummary, MeetingSummary, OrganisationSummary } from '../../shared/api.ts'
import { isChecklistScore } from '../../shared/domain/checklist.ts'
import { getChecklistVersion } from '../../shared/domain/checklist-versions.ts'
import {
  addPdsaPlan,
  getChecklistComment,
  getMatrixAnswer,
  getPdsaField,
  readAgenda,
  readMatrix,
  setChecklistScore,
  setPdsaChecklistLink,
  updateAgendaItem,
  updatePdsaPlan,
} from '../../shared/workspace/index.ts'
import { bm1AgendaDone, bm1Answers, bm1PdsaPlans, checklistScores } from './living-board-content.ts'

export interface LivingBoardFrame {
  cohort: CohortSummary
  organisations: OrganisationSummary[]
  meetings: MeetingSummary[]
}

const write = (text: Y.Text | undefined, content: string | undefined) => {
  if (text && content && text.length === 0) text.insert(0, content)
}

/**
 * Fills in the living group's uppstart and BM1 (agenda progress, matrix answers, checklist
 * scores, PDSA plans) from living-board-content.ts through the shared/workspace accessors.
 * Returns whether anything was written.
 */
export function fillLivingBoard(doc: Y.Doc, frame: LivingBoardFrame): boolean {
  const bm1 = frame.meetings.find((m) => m.kind === 'bm1')
  const bm2 = frame.meetings.find((m) => m.kind === 'bm2')
  if (!bm1 || readAgenda(doc, bm1.id).length === 0) return false
  const version = getChecklistVersion(frame.cohort.checklistVersion)

  readAgenda(doc, bm1.id)
    .slice(0, bm1AgendaDone)
    .forEach((item) => updateAgendaItem(doc, bm1.id, item.id, { done: true }))

  const questions = readMatrix(doc, bm1.id).questions
  for (const [organisationId, answers] of Object.entries(bm1Answers)) {
    answers.forEach((answer, index) => {
      const question = questions[index]
      if (question) write(getMatrixAnswer(doc, bm1.id, question.id, organisationId), answer)
    })
  }

  for (const [organisationId, scores] of Object.entries(checklistScores)) {
    for (const phase of ['uppstart', 'bm1'] as const) {
      scores[phase].forEach((score, index) => {
        const item = version.items[index]
        if (item && isChecklistScore(score))
          setChecklistScore(doc, organisationId, phase, item.id, score)
      })
    }
    for (const [number, comment] of Object.entries(scores.comments ?? {})) {
      const item = version.items[Number(number) - 1]
      if (item) write(getChecklistComment(doc, organisationId, 'bm1', item.id), comment)
    }
  }

  for (const plan of bm1PdsaPlans) {
    const id = addPdsaPlan(doc, {
      organisationId: plan.organisationId,
      plannedAtMeetingId: bm1.id,
      followUpMeetingId: bm2?.id ?? null,
      aim: plan.aim,
    })
    write(getPdsaField(doc, id, 'change'), plan.change)
    write(getPdsaField(doc, id, 'plan'), plan.plan)
    write(getPdsaField(doc, id, 'prediction'), plan.prediction)
    write(getPdsaField(doc, id, 'measure'), plan.measure)
    write(getPdsaField(doc, id, 'do'), plan.doText)
    if (plan.doText) updatePdsaPlan(doc, id, { status: 'pagar' })
    for (const number of plan.checklistItems) {
      const item = version.items[number - 1]
      if (item) setPdsaChecklistLink(doc, id, item.id, true)
    }
  }
  return true
}
