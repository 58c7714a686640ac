import type * as Y from 'yjs'
import { checklistPhaseFor, checklistPhases, type ChecklistPhase } from '../domain/checklist.ts'
import type { ChecklistVersion } from '../domain/checklist-versions.ts'
import { organisationChecklistResults, type OrganisationChecklistResults } from './checklist.ts'
import { planResults, type PlanResult, type ResultsMeeting } from './pdsa.ts'

/** A checklist phase and the group's meeting it is scored for (none planned: null). */
interface PhaseColumn {
  phase: ChecklistPhase
  meetingId: string | null
  date: string | null
}

/** What a group's meetings add up to: read from its workspace, the same on server and client. */
export interface GroupResults {
  checklistVersionId: string
  phases: PhaseColumn[]
  /** The organisations that score the checklist (benchmarking ones), in the group's order. */
  organisations: OrganisationChecklistResults[]
  plans: PlanResult[]
}

export interface GroupResultsInput {
  version: ChecklistVersion
  /** Who scores: the benchmarking organisations (the mentor does not score itself). */
  organisationIds: readonly string[]
  /** The group's meetings in the order they are held. */
  meetings: readonly ResultsMeeting[]
}

export function readGroupResults(doc: Y.Doc, input: GroupResultsInput): GroupResults {
  const phases = checklistPhases.map((phase): PhaseColumn => {
    const meeting = input.meetings.find((m) => checklistPhaseFor(m.kind) === phase)
    return { phase, meetingId: meeting?.id ?? null, date: meeting?.date ?? null }
  })
  return {
    checklistVersionId: input.version.id,
    phases,
    organisations: input.organisationIds.map((id) =>
      organisationChecklistResults(doc, input.version, id),
    ),
    plans: planResults(doc, input.version, input.organisationIds, input.meetings),
  }
}
