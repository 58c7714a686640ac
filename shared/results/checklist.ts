import type * as Y from 'yjs'
import {
  checklistPhases,
  maxScore,
  totalScore,
  type ChecklistPhase,
  type ChecklistScore,
  type PhaseScores,
} from '../domain/checklist.ts'
import type { ChecklistVersion } from '../domain/checklist-versions.ts'
import { readChecklist } from '../workspace/checklist.ts'
import { criterionResult, type CriterionResult } from './criterion.ts'

/** One organisation's self-assessment in one phase (a column of SKR's form). */
export interface PhaseResult {
  phase: ChecklistPhase
  /** Summa poäng. */
  total: number
  max: number
  /** Items scored in this phase; 0 means the phase is not scored yet. */
  scored: number
  itemCount: number
  criterion: CriterionResult
}

/** One checklist item across the phases: its score and comment in each. */
interface ItemProgress {
  itemId: string
  /** 1-based, as on the form. */
  number: number
  scores: Record<ChecklistPhase, ChecklistScore | null>
  comments: Record<ChecklistPhase, string>
  /** Last scored minus first scored phase; null with fewer than two scored phases. */
  change: number | null
}

export interface OrganisationChecklistResults {
  organisationId: string
  phases: PhaseResult[]
  items: ItemProgress[]
  /** Total of the last scored phase minus the first; null with fewer than two. */
  improvement: number | null
}

const byPhase = <T>(make: (phase: ChecklistPhase) => T): Record<ChecklistPhase, T> =>
  Object.fromEntries(checklistPhases.map((phase) => [phase, make(phase)])) as Record<
    ChecklistPhase,
    T
  >

const firstToLast = (values: readonly (number | null)[]): number | null => {
  const present = values.filter((value): value is number => value !== null)
  return present.length < 2 ? null : present[present.length - 1]! - present[0]!
}

/** Scores and comments of one organisation: phase totals, criterion, item progression. */
export function organisationChecklistResults(
  doc: Y.Doc,
  version: ChecklistVersion,
  organisationId: string,
): OrganisationChecklistResults {
  const rows = byPhase((phase) => readChecklist(doc, version, organisationId, phase))
  const phases = checklistPhases.map((phase): PhaseResult => {
    const scores: PhaseScores = Object.fromEntries(
      rows[phase].filter((row) => row.score !== null).map((row) => [row.itemId, row.score!]),
    )
    return {
      phase,
      total: totalScore(version, scores),
      max: maxScore(version),
      scored: Object.keys(scores).length,
      itemCount: version.items.length,
      criterion: criterionResult(version, scores),
    }
  })
  const items = version.items.map((item, index): ItemProgress => {
    const scores = byPhase((phase) => rows[phase][index]?.score ?? null)
    return {
      itemId: item.id,
      number: index + 1,
      scores,
      comments: byPhase((phase) => rows[phase][index]?.comment ?? ''),
      change: firstToLast(checklistPhases.map((phase) => scores[phase])),
    }
  })
  return {
    organisationId,
    phases,
    items,
    improvement: firstToLast(phases.map((phase) => (phase.scored > 0 ? phase.total : null))),
  }
}
