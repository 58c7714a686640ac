import type * as Y from 'yjs'
import { asMap, pdsaPlansOf } from '../document.ts'
import { readPdsaPlans } from '../pdsa.ts'

/**
 * Version 1 → 2: every PDSA plan stores its number. Plans made before numbers existed
 * (and the later of two numbered alike on two devices) had theirs worked out on every read
 * (readPdsaPlans: one past the organisation's earlier plans, in the order they were made);
 * stored, the number stays what it is today whatever is added or removed later, in every
 * meeting, list and export. Writes only where the stored number differs from the one read.
 */
export function storePlanNumbers(doc: Y.Doc): void {
  const plans = pdsaPlansOf(doc)
  for (const plan of readPdsaPlans(doc)) {
    const map = asMap(plans.get(plan.id))
    if (map && map.get('number') !== plan.number) map.set('number', plan.number)
  }
}
