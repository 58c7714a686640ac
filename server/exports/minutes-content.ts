import { checklistPhaseFor, type ChecklistPhase } from '../../shared/domain/checklist.ts'
import {
  getChecklistVersion,
  type ChecklistVersion,
} from '../../shared/domain/checklist-versions.ts'
import type { Locale } from '../../shared/domain/locale.ts'
import type { MeetingKind } from '../../shared/domain/meeting-kind.ts'
import type { GroupMemberRole } from '../../shared/domain/organisation.ts'
import type { ParticipantFunction } from '../../shared/domain/participant.ts'
import { organisationChecklistResults, type PhaseResult } from '../../shared/results/checklist.ts'
import { blockingItemIds } from '../../shared/results/criterion.ts'
import type { ResultsMeeting } from '../../shared/results/pdsa.ts'
import type { Role } from '../../shared/roles.ts'
import { readAgenda, type AgendaItem } from '../../shared/workspace/agenda.ts'
import { meetingOf, textOf } from '../../shared/workspace/document.ts'
import { readMatrix, type Matrix } from '../../shared/workspace/matrix.ts'
import { plansForMeeting, type PdsaPlan } from '../../shared/workspace/pdsa.ts'
import { workspaceFrom } from './workspace-state.ts'

/** What the server reads from the database for one meeting's minutes (cloneable to a worker). */
export interface MinutesInput {
  lang: Locale
  group: { name: string }
  round: { name: string; checklistVersion: string }
  meeting: {
    id: string
    kind: MeetingKind
    title: string | null
    date: string | null
    startTime: string | null
    durationMinutes: number
    hostOrganisationId: string | null
    place: string | null
    videoLink: string | null
  }
  /** The group's organisations, benchmarking ones first. */
  organisations: { id: string; name: string; memberRole: GroupMemberRole }[]
  /** Who had a connection on the meeting's day; null when the meeting has no date. */
  present:
    | {
        displayName: string
        organisationId: string | null
        function: ParticipantFunction | null
        role: Role
      }[]
    | null
  /** The group's meetings in the order they are held (the PDSA follow-up's previous one). */
  meetings: ResultsMeeting[]
  /** The workspace as stored: its snapshot and the log after it. */
  updates: Uint8Array[]
}

/** One organisation's checklist column for the meeting's phase. */
interface ChecklistColumn {
  organisationId: string
  result: PhaseResult
  scores: (number | null)[]
  comments: string[]
  blockingItemNumbers: number[]
}

/** Everything the minutes show, read from the workspace: the document renders only this. */
export interface MinutesContent extends Omit<MinutesInput, 'updates'> {
  version: ChecklistVersion
  agenda: AgendaItem[]
  matrix: Matrix
  planned: (PdsaPlan & { followUp: false })[]
  followedUp: (PdsaPlan & { followUp: true })[]
  phase: ChecklistPhase | null
  checklist: ChecklistColumn[]
  /** The meeting's own notes text, which older workspaces have (the board no longer shows it). */
  notes: string
}

const previousMeetingId = (meetings: readonly ResultsMeeting[], meetingId: string) => {
  const index = meetings.findIndex((meeting) => meeting.id === meetingId)
  return index > 0 ? meetings[index - 1]!.id : null
}

/** Reads the minutes' content from the workspace state. Pure: no clock, no database. */
export function readMinutesContent(input: MinutesInput): MinutesContent {
  const { updates, ...rest } = input
  const doc = workspaceFrom(updates)
  try {
    const version = getChecklistVersion(input.round.checklistVersion)
    const meetingId = input.meeting.id
    const { planned, followUp } = plansForMeeting(
      doc,
      meetingId,
      previousMeetingId(input.meetings, meetingId),
    )
    const phase = checklistPhaseFor(input.meeting.kind)
    const scoring = input.organisations.filter((org) => org.memberRole === 'benchmarking')
    const checklist = phase
      ? scoring.map((org): ChecklistColumn => {
          const results = organisationChecklistResults(doc, version, org.id)
          const result = results.phases.find((p) => p.phase === phase)!
          const blocking = new Set(blockingItemIds(version, result.criterion))
          return {
            organisationId: org.id,
            result,
            scores: results.items.map((item) => item.scores[phase]),
            comments: results.items.map((item) => item.comments[phase]),
            blockingItemNumbers: version.items.flatMap((item, index) =>
              blocking.has(item.id) ? [index + 1] : [],
            ),
          }
        })
      : []
    const meeting = meetingOf(doc, meetingId)
    return {
      ...rest,
      version,
      agenda: readAgenda(doc, meetingId),
      matrix: readMatrix(doc, meetingId),
      planned: planned.map((plan) => ({ ...plan, followUp: false as const })),
      followedUp: followUp.map((plan) => ({ ...plan, followUp: true as const })),
      phase,
      checklist,
      notes: (meeting && textOf(meeting, 'notes')?.toString().trim()) ?? '',
    }
  } finally {
    doc.destroy()
  }
}
