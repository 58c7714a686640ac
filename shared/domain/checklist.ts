import type { ChecklistVersion } from './checklist-versions.ts'
import type { Localized } from './locale.ts'
import { MeetingKind } from './meeting-kind.ts'

/** A self-assessment score: 1 = not started, 2 = needs development, 3 = done. */
export type ChecklistScore = 1 | 2 | 3
export const checklistScores: readonly ChecklistScore[] = [1, 2, 3]
export const isChecklistScore = (value: unknown): value is ChecklistScore =>
  value === 1 || value === 2 || value === 3

export const checklistScoreLabels: Record<ChecklistScore, Localized> = {
  1: { sv: 'Ej påbörjat / finns inte', en: 'Not started / does not exist' },
  2: { sv: 'Behöver utvecklas', en: 'Needs development' },
  3: { sv: 'Genomfört, det finns', en: 'Done, it exists' },
}

/** The checklist's columns: scored before each meeting of the default plan. */
export const ChecklistPhase = {
  Uppstart: 'uppstart',
  BM1: 'bm1',
  BM2: 'bm2',
  BM3: 'bm3',
  Avslutning: 'avslutning',
} as const
export type ChecklistPhase = (typeof ChecklistPhase)[keyof typeof ChecklistPhase]
export const checklistPhases: readonly ChecklistPhase[] = Object.values(ChecklistPhase)

export const checklistPhaseLabels: Record<ChecklistPhase, Localized> = {
  uppstart: { sv: 'Uppstart', en: 'Start-up' },
  bm1: { sv: 'BM1', en: 'BM1' },
  bm2: { sv: 'BM2', en: 'BM2' },
  bm3: { sv: 'BM3', en: 'BM3' },
  avslutning: { sv: 'Avslutningskonferens', en: 'Closing conference' },
}

/** The phase a meeting is scored in; extra meetings have none. */
export function checklistPhaseFor(kind: MeetingKind): ChecklistPhase | null {
  switch (kind) {
    case MeetingKind.Uppstart:
      return 'uppstart'
    case MeetingKind.LedningOchStyrning:
      return 'bm1'
    case MeetingKind.Uppfoljning:
      return 'bm2'
    case MeetingKind.Forbattringsarbete:
      return 'bm3'
    case MeetingKind.Resultatkonferens:
      return 'avslutning'
    default:
      return null
  }
}

/** One organisation's scores in one phase, by item id; a missing item is unscored. */
export type PhaseScores = Readonly<Record<string, ChecklistScore | undefined>>

export const totalScore = (version: ChecklistVersion, scores: PhaseScores): number =>
  version.items.reduce((sum, item) => sum + (scores[item.id] ?? 0), 0)

export const maxScore = (version: ChecklistVersion): number => version.items.length * 3

export interface CriterionStatus {
  met: boolean
  ones: number
  threes: number
  unscored: number
  threesNeeded: number
}

/**
 * May the organisation call itself a Modellkommun? No 1 and at least the version's number
 * of 3s (six), with every item scored (an unscored item could still be a 1).
 */
export function criterionStatus(version: ChecklistVersion, scores: PhaseScores): CriterionStatus {
  let ones = 0
  let threes = 0
  let unscored = 0
  for (const item of version.items) {
    const score = scores[item.id]
    if (score === undefined) unscored++
    else if (score === 1) ones++
    else if (score === 3) threes++
  }
  const threesNeeded = Math.max(0, version.criterion.minThrees - threes)
  return {
    met: ones === 0 && unscored === 0 && threesNeeded === 0,
    ones,
    threes,
    unscored,
    threesNeeded,
  }
}

export const meetsModellkommunCriterion = (
  version: ChecklistVersion,
  scores: PhaseScores,
): boolean => criterionStatus(version, scores).met

/** Change in total between two phases (e.g. uppstart → avslutning). */
export const improvement = (
  version: ChecklistVersion,
  first: PhaseScores,
  last: PhaseScores,
): number => totalScore(version, last) - totalScore(version, first)

/** Mean score per item across organisations (unscored ignored); null where nobody scored. */
export function meanPerItem(
  version: ChecklistVersion,
  perOrganisation: readonly PhaseScores[],
): Record<string, number | null> {
  const means: Record<string, number | null> = {}
  for (const item of version.items) {
    const scored = perOrganisation.map((scores) => scores[item.id]).filter((s) => s !== undefined)
    means[item.id] = scored.length === 0 ? null : scored.reduce((a, b) => a + b, 0) / scored.length
  }
  return means
}
