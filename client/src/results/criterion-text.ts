import type { ChecklistVersion } from '../../../shared/domain/checklist-versions.ts'
import type { CriterionResult } from '../../../shared/results/criterion.ts'
import type { I18n } from '../i18n/context.tsx'

/** "3, 7, 10": items by their number on the form. */
const itemNumbers = (version: ChecklistVersion, itemIds: readonly string[]): string =>
  itemIds
    .map((id) => version.items.findIndex((item) => item.id === id) + 1)
    .filter((n) => n > 0)
    .join(', ')

/**
 * What keeps the criterion from being met, by item: "1:a på punkt 10", "ej bedömd: punkt
 * 11, 12", "1 3:a till behövs (punkt 5, 7 har 2)". Empty when it is met.
 */
export function blockingReasons(
  t: I18n['t'],
  version: ChecklistVersion,
  criterion: CriterionResult,
): string[] {
  if (criterion.met) return []
  const reasons: string[] = []
  if (criterion.onesItemIds.length > 0)
    reasons.push(
      t('results.blockOnes', {
        n: criterion.onesItemIds.length,
        items: itemNumbers(version, criterion.onesItemIds),
      }),
    )
  if (criterion.unscoredItemIds.length > 0)
    reasons.push(
      t('results.blockUnscored', { items: itemNumbers(version, criterion.unscoredItemIds) }),
    )
  if (criterion.threesNeeded > 0)
    reasons.push(
      criterion.twosItemIds.length > 0
        ? t('results.blockThrees', {
            n: criterion.threesNeeded,
            items: itemNumbers(version, criterion.twosItemIds),
          })
        : t('checklist.reasonThrees', { n: criterion.threesNeeded }),
    )
  return reasons
}
