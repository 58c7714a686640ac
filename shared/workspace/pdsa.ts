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
  /**
   * The plan's number among its organisation's plans ("Plan 2 – Fagersta kommun"), given
   * once when it is made and kept in every meeting, list and export.
   */
  number: number
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

const storedNumberOf = (plan: Y.Map<unknown>): number | null => {
  const value = plan.get('number')
  return Number.isSafeInteger(value) && (value as number) > 0 ? (value as number) : null
}

function readPlan(id: string, plan: Y.Map<unknown>): Omit<PdsaPlan, 'number'> {
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
 *
 * Numbers: a plan keeps the number stored when it was made. A plan stored before plans
 * had numbers (and the later of two numbered alike on two devices at once) takes one past
 * the highest of its organisation's earlier plans, in the order they were made: 1, 2, 3
 * for old workspaces, the same on every replica, and new plans continue from there.
 */
export function readPdsaPlans(doc: Y.Doc): PdsaPlan[] {
  const read: { plan: Omit<PdsaPlan, 'number'>; stored: number | null }[] = []
  pdsaPlansOf(doc).forEach((value: unknown, id) => {
    const plan = asMap(value)
    if (plan) read.push({ plan: readPlan(id, plan), stored: storedNumberOf(plan) })
  })
  read.sort((a, b) => a.plan.createdAt - b.plan.createdAt || (a.plan.id < b.plan.id ? -1 : 1))
  const taken = new Map<string, Set<number>>()
  return read
    .map(({ plan, stored }) => {
      const used = taken.get(plan.organisationId) ?? new Set<number>()
      taken.set(plan.organisationId, used)
      const number = stored !== null && !used.has(stored) ? stored : Math.max(0, ...used) + 1
      used.add(number)
      return { ...plan, number }
    })
    .sort((a, b) => a.createdAt - b.createdAt || a.number - b.number)
}

/** The number a new plan of this organisation gets: one past the highest it has. */
const nextPdsaNumber = (doc: Y.Doc, organisationId: string): number =>
  Math.max(
    0,
    ...readPdsaPlans(doc)
      .filter((plan) => plan.organisationId === organisationId)
      .map((plan) => plan.number),
  ) + 1

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
  const number = nextPdsaNumber(doc, input.organisationId)
  doc.transact(() => {
    const plan = new Y.Map<unknown>()
    plan.set('number', number)
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
