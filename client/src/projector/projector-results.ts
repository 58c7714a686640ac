import type { ChecklistPhase } from '../../../shared/domain/checklist.ts'
import type {
  OrganisationChecklistResults,
  PhaseResult,
} from '../../../shared/results/checklist.ts'

/** The criterion of one phase as the room reads it: in words, never by colour alone. */
type CriterionState = 'met' | 'notMet' | 'notScored'

/** One phase's column on the projector: the total (null: not scored) and the criterion. */
export interface ResultsCell {
  phase: ChecklistPhase
  total: number | null
  /** Some items but not all scored: the total counts only those (null when all or none). */
  partly: { scored: number; count: number } | null
  criterion: CriterionState
}

export interface ProjectorOrganisationResults {
  cells: ResultsCell[]
  /** The list's maximum total (30 on the 10-item list). */
  max: number
  /** The last phase scored at all: what the room talks about ("after BM1: not yet, because …"). */
  latest: PhaseResult | null
}

/**
 * One organisation's totals per phase for the projector: an unscored phase shows no total
 * and no criterion (a blank form is not "not met"), a partly scored one says how much of
 * it the total covers.
 */
export function projectorResultsOf(
  results: OrganisationChecklistResults,
): ProjectorOrganisationResults {
  const cells = results.phases.map((phase): ResultsCell => ({
    phase: phase.phase,
    total: phase.scored === 0 ? null : phase.total,
    partly:
      phase.scored > 0 && phase.scored < phase.itemCount
        ? { scored: phase.scored, count: phase.itemCount }
        : null,
    criterion: phase.scored === 0 ? 'notScored' : phase.criterion.met ? 'met' : 'notMet',
  }))
  return {
    cells,
    max: results.phases[0]?.max ?? 0,
    latest: results.phases.filter((phase) => phase.scored > 0).at(-1) ?? null,
  }
}
