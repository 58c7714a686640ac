import * as Y from 'yjs'
import { isResultsChainLevel, type ResultsChainLevel } from '../domain/results-chain.ts'
import {
  pdsaDecisions,
  pdsaStatuses,
  pdsaTextFields,
  type PdsaDecision,
  type PdsaStatus,
  type PdsaTextField,
} from '../domain/pdsa.ts'
import { asMap, newId, numberOf, pdsaPlansOf, stringOf, textOf } from './document.ts'

/** A PDSA improvement plan: one organisation's, planned at one meeting, followed up at the next. */
export interface PdsaPlan {
  id: string
  organisationId: string
  plannedAtMeetingId: string
  followUpMeetingId: string | null
  status: PdsaStatus
  decision: PdsaDecision | null
  resultsChainLevel: ResultsChainLevel | null
  checklistItemIds: string[]
  createdAt: number
  fields: Record<PdsaTextField, string>
}

const oneOf = <T extends string>(values: readonly T[], value: unknown, fallback: T): T =>
  (values as readonly unknown[]).includes(value) ? (value as T) : fallback

const linkedItemsOf = (plan: Y.Map<unknown>): Y.Map<boolean> | undefined => {
  const items = plan.get('checklistItems')
  return items instanceof Y.Map ? (items as Y.Map<boolean>) : undefined
}

function readPlan(id: string, plan: Y.Map<unknown>): PdsaPlan {
  const decision = plan.get('decision')
  const level = plan.get('resultsChainLevel')
  const fields = {} as Record<PdsaTextField, string>
  for (const field of pdsaTextFields) fields[field] = textOf(plan, field)?.toString() ?? ''
  const linked: string[] = []
  linkedItemsOf(plan)?.forEach((on: unknown, itemId) => on === true && linked.push(itemId))
  return {
    id,
    organisationId: stringOf(plan, 'organisationId') ?? '',
    plannedAtMeetingId: stringOf(plan, 'plannedAtMeetingId') ?? '',
    followUpMeetingId: stringOf(plan, 'followUpMeetingId'),
    status: oneOf(pdsaStatuses, plan.get('status'), 'planerad'),
    decision: (pdsaDecisions as readonly unknown[]).includes(decision)
      ? (decision as PdsaDecision)
      : null,
    resultsChainLevel: isResultsChainLevel(level) ? level : null,
    checklistItemIds: linked.sort(),
    createdAt: numberOf(plan, 'createdAt', 0),
    fields,
  }
}

/**
 * Every plan, oldest first. An entry that is not a map is skipped: one bad entry must not
 * take the PDSA tab from everyone.
 */
export function readPdsaPlans(doc: Y.Doc): PdsaPlan[] {
  const plans: PdsaPlan[] = []
  pdsaPlansOf(doc).forEach((value: unknown, id) => {
    const plan = asMap(value)
    if (plan) plans.push(readPlan(id, plan))
  })
  return plans.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
}

/** Plans made at this meeting, and plans from the previous one that are due for follow-up. */
export function plansForMeeting(doc: Y.Doc, meetingId: string, previousMeetingId: string | null) {
  const plans = readPdsaPlans(doc)
  return {
    planned: plans.filter((plan) => plan.plannedAtMeetingId === meetingId),
    followUp: previousMeetingId
      ? plans.filter(
          (plan) =>
            plan.plannedAtMeetingId === previousMeetingId &&
            (plan.followUpMeetingId === null || plan.followUpMeetingId === meetingId),
        )
      : [],
  }
}

/** Creates a plan with every text field and its checklist links in one transaction. */
export function addPdsaPlan(
  doc: Y.Doc,
  input: {
    organisationId: string
    plannedAtMeetingId: string
    followUpMeetingId?: string | null
    aim?: string
  },
): string {
  const id = newId()
  doc.transact(() => {
    const plan = new Y.Map<unknown>()
    plan.set('organisationId', input.organisationId)
    plan.set('plannedAtMeetingId', input.plannedAtMeetingId)
    plan.set('followUpMeetingId', input.followUpMeetingId ?? null)
    plan.set('status', 'planerad')
    plan.set('decision', null)
    plan.set('resultsChainLevel', null)
    plan.set('createdAt', Date.now())
    plan.set('checklistItems', new Y.Map<boolean>())
    for (const field of pdsaTextFields) {
      const text = new Y.Text()
      if (field === 'aim' && input.aim) text.insert(0, input.aim)
      plan.set(field, text)
    }
    pdsaPlansOf(doc).set(id, plan)
  })
  return id
}

export type PdsaPlanPatch = Partial<
  Pick<
    PdsaPlan,
    'status' | 'decision' | 'resultsChainLevel' | 'followUpMeetingId' | 'organisationId'
  >
>

export function updatePdsaPlan(doc: Y.Doc, planId: string, patch: PdsaPlanPatch): void {
  const plan = pdsaPlansOf(doc).get(planId)
  if (!plan) return
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) if (value !== undefined) plan.set(key, value)
  })
}

/** Links or unlinks a checklist item; per-item keys, so concurrent toggles both survive. */
export function setPdsaChecklistLink(
  doc: Y.Doc,
  planId: string,
  itemId: string,
  linked: boolean,
): void {
  const items = linkedItemsOf(pdsaPlansOf(doc).get(planId) ?? new Y.Map())
  if (!items) return
  doc.transact(() => (linked ? items.set(itemId, true) : items.delete(itemId)))
}

export function removePdsaPlan(doc: Y.Doc, planId: string): void {
  doc.transact(() => pdsaPlansOf(doc).delete(planId))
}

export const getPdsaField = (
  doc: Y.Doc,
  planId: string,
  field: PdsaTextField,
): Y.Text | undefined => {
  const plan = asMap(pdsaPlansOf(doc).get(planId))
  return plan ? textOf(plan, field) : undefined
}
