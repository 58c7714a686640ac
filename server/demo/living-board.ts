import type * as Y from 'yjs'
import type { CohortSummary, MeetingSummary, OrganisationSummary } from '../../shared/api.ts'

export interface LivingBoardFrame {
  cohort: CohortSummary
  organisations: OrganisationSummary[]
  meetings: MeetingSummary[]
}

/**
 * Fills in the living group's uppstart and BM1 (agenda progress, matrix answers, checklist
 * scores, PDSA plans) from living-board-content.ts through the shared/workspace accessors.
 * Returns whether anything was written: false until shared/workspace is available.
 */
export function fillLivingBoard(_doc: Y.Doc, _frame: LivingBoardFrame): boolean {
  return false
}
