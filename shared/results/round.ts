import { checklistPhases, type ChecklistPhase } from '../domain/checklist.ts'
import type { ChecklistVersion } from '../domain/checklist-versions.ts'
import { resultsChainLevels, type ResultsChainLevel } from '../domain/results-chain.ts'
import type { GroupResults } from './group.ts'

/**
 * A round's figures over several groups' results (the round lead's overview and report):
 * each organisation counts once, whichever group it is in. Groups on another checklist
 * version than the one asked for are left out: their items are other items.
 */

/** One row of the 2019 report's Table 1: an item's mean per phase across organisations. */
export interface ItemMeans {
  itemId: string
  number: number
  /** Mean score; null where no organisation scored the item in that phase. */
  means: Record<ChecklistPhase, number | null>
  /** How many organisations the mean is over. */
  respondents: Record<ChecklistPhase, number>
  /** Mean in the last phase with one minus the first ("Förbättring"); null with fewer than two. */
  improvement: number | null
}

const onVersion = (version: ChecklistVersion, groups: readonly GroupResults[]) =>
  groups.filter((group) => group.checklistVersionId === version.id)

export function meanPerItemPerPhase(
  version: ChecklistVersion,
  groups: readonly GroupResults[],
): ItemMeans[] {
  const organisations = onVersion(version, groups).flatMap((group) => group.organisations)
  return version.items.map((item, index) => {
    const means = {} as Record<ChecklistPhase, number | null>
    const respondents = {} as Record<ChecklistPhase, number>
    for (const phase of checklistPhases) {
      const scores = organisations
        .map((org) => org.items[index]?.scores[phase] ?? null)
        .filter((score): score is NonNullable<typeof score> => score !== null)
      respondents[phase] = scores.length
      means[phase] =
        scores.length === 0 ? null : scores.reduce((sum, score) => sum + score, 0) / scores.length
    }
    const present = checklistPhases
      .map((phase) => means[phase])
      .filter((mean): mean is number => mean !== null)
    return {
      itemId: item.id,
      number: index + 1,
      means,
      respondents,
      improvement: present.length < 2 ? null : present[present.length - 1]! - present[0]!,
    }
  })
}

export interface CriterionCount {
  /** Organisations meeting the criterion in the phase. */
  met: number
  /** Organisations that scored every item in the phase. */
  fullyScored: number
  /** Organisations that scored anything in the phase. */
  scored: number
}

/** Per phase: how many organisations meet the Modellkommun criterion. */
export function criterionCountsPerPhase(
  version: ChecklistVersion,
  groups: readonly GroupResults[],
): Record<ChecklistPhase, CriterionCount> {
  const organisations = onVersion(version, groups).flatMap((group) => group.organisations)
  const counts = {} as Record<ChecklistPhase, CriterionCount>
  checklistPhases.forEach((phase, index) => {
    const results = organisations.map((org) => org.phases[index]!)
    counts[phase] = {
      met: results.filter((result) => result.criterion.met).length,
      fullyScored: results.filter((result) => result.scored === result.itemCount).length,
      scored: results.filter((result) => result.scored > 0).length,
    }
  })
  return counts
}

/** PDSA plans by the results-chain level they reached; `none` for those not assessed yet. */
export function plansPerResultsChainLevel(
  groups: readonly GroupResults[],
): Record<ResultsChainLevel | 'none', number> {
  const counts = Object.fromEntries(
    [...resultsChainLevels, 'none'].map((key) => [key, 0]),
  ) as Record<ResultsChainLevel | 'none', number>
  for (const plan of groups.flatMap((group) => group.plans))
    counts[plan.resultsChainLevel ?? 'none']++
  return counts
}

/**
 * Organisations with at least one plan reaching a level or beyond ("ten of fifteen show at
 * least one changed way of working; six show changed outcomes").
 */
export function organisationsReachingLevel(
  groups: readonly GroupResults[],
  level: ResultsChainLevel,
): number {
  const from = resultsChainLevels.indexOf(level)
  const reaching = new Set<string>()
  for (const group of groups)
    for (const plan of group.plans)
      if (plan.resultsChainLevel && resultsChainLevels.indexOf(plan.resultsChainLevel) >= from)
        reaching.add(plan.organisationId)
  return reaching.size
}
