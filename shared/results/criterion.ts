import { criterionStatus, type CriterionStatus, type PhaseScores } from '../domain/checklist.ts'
import type { ChecklistVersion } from '../domain/checklist-versions.ts'

/**
 * The Modellkommun criterion for one organisation in one phase, with the items that keep
 * it from being met: what the organisation has to work on, by item.
 */
export interface CriterionResult extends CriterionStatus {
  /** Items scored 1: each alone bars the criterion. */
  onesItemIds: string[]
  /** Items not scored yet (one of them could still be a 1). */
  unscoredItemIds: string[]
  /**
   * Items scored 2, named when 3s are missing: `threesNeeded` of them (or of the 1s and
   * unscored) must reach 3.
   */
  twosItemIds: string[]
}

export function criterionResult(version: ChecklistVersion, scores: PhaseScores): CriterionResult {
  const status = criterionStatus(version, scores)
  const itemsScored = (wanted: number | undefined) =>
    version.items.filter((item) => scores[item.id] === wanted).map((item) => item.id)
  return {
    ...status,
    onesItemIds: itemsScored(1),
    unscoredItemIds: itemsScored(undefined),
    twosItemIds: status.threesNeeded > 0 ? itemsScored(2) : [],
  }
}

/** Every item that keeps the criterion from being met, in the list's order. */
export const blockingItemIds = (version: ChecklistVersion, result: CriterionResult): string[] => {
  const blocking = new Set([
    ...result.onesItemIds,
    ...result.unscoredItemIds,
    ...result.twosItemIds,
  ])
  return version.items.filter((item) => blocking.has(item.id)).map((item) => item.id)
}
