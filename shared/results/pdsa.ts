import type * as Y from 'yjs'
import type { ChecklistVersion } from '../domain/checklist-versions.ts'
import type { MeetingKind } from '../domain/meeting-kind.ts'
import type { PdsaDecision, PdsaStatus } from '../domain/pdsa.ts'
import type { ResultsChainLevel } from '../domain/results-chain.ts'
import { readPdsaPlans, type PdsaPlan } from '../workspace/pdsa.ts'

/** What the results need of a meeting: the group's meetings, in the order they are held. */
export interface ResultsMeeting {
  id: string
  kind: MeetingKind
  /** ISO date YYYY-MM-DD */
  date: string | null
}

/** One PDSA plan as the results list it: the same number and name at every meeting. */
export interface PlanResult {
  id: string
  number: number
  organisationId: string
  /** The aim (Syfte/mål), the plan's own words; '' while not written. */
  aim: string
  status: PdsaStatus
  decision: PdsaDecision | null
  /** How far the improvement reached, set when it is followed up. */
  resultsChainLevel: ResultsChainLevel | null
  /** The checklist items it improves, in the list's order. */
  checklistItemIds: string[]
  plannedAtMeetingId: string
  /** The meeting it is (to be) followed up at: the one set, else the next after planning. */
  followUpMeetingId: string | null
  /** Studied or closed, or given a decision or a level: it has been followed up. */
  followedUp: boolean
}

const followedUp = (plan: PdsaPlan): boolean =>
  plan.status === 'studerad' ||
  plan.status === 'avslutad' ||
  plan.decision !== null ||
  plan.resultsChainLevel !== null

/** The meeting after this one in the group's list (where the board shows it for follow-up). */
const nextMeetingId = (meetings: readonly ResultsMeeting[], meetingId: string): string | null => {
  const index = meetings.findIndex((meeting) => meeting.id === meetingId)
  return index < 0 ? null : (meetings[index + 1]?.id ?? null)
}

/** Every plan of the group, in the organisations' order, then by number. */
export function planResults(
  doc: Y.Doc,
  version: ChecklistVersion,
  organisationIds: readonly string[],
  meetings: readonly ResultsMeeting[],
): PlanResult[] {
  const itemOrder = version.items.map((item) => item.id)
  const organisationOrder = (id: string) => {
    const index = organisationIds.indexOf(id)
    return index < 0 ? organisationIds.length : index
  }
  return readPdsaPlans(doc)
    .map((plan) => ({
      id: plan.id,
      number: plan.number,
      organisationId: plan.organisationId,
      aim: plan.fields.aim.trim(),
      status: plan.status,
      decision: plan.decision,
      resultsChainLevel: plan.resultsChainLevel,
      checklistItemIds: itemOrder.filter((id) => plan.checklistItemIds.includes(id)),
      plannedAtMeetingId: plan.plannedAtMeetingId,
      followUpMeetingId: plan.followUpMeetingId ?? nextMeetingId(meetings, plan.plannedAtMeetingId),
      followedUp: followedUp(plan),
    }))
    .sort(
      (a, b) =>
        organisationOrder(a.organisationId) - organisationOrder(b.organisationId) ||
        (a.organisationId < b.organisationId ? -1 : a.organisationId > b.organisationId ? 1 : 0) ||
        a.number - b.number,
    )
}
