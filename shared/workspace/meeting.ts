import * as Y from 'yjs'
import { checklistPhaseFor } from '../domain/checklist.ts'
import { getChecklistVersion } from '../domain/checklist-versions.ts'
import { defaultAgendas, defaultMatrixQuestions } from '../domain/defaults.ts'
import type { Locale } from '../domain/locale.ts'
import { meetingKinds, type MeetingKind } from '../domain/meeting-kind.ts'
import { makeAgendaItem } from './agenda.ts'
import { checklistKey } from './checklist.ts'
import {
  checklistCommentsOf,
  meetingOf,
  meetingsOf,
  meta,
  SCHEMA_VERSION,
  type YMeeting,
} from './document.ts'
import {
  answerKey,
  answersOf,
  makeQuestion,
  meetingOrganisationIds,
  questionsOf,
} from './matrix.ts'

export interface MeetingSetup {
  meetingId: string
  kind: MeetingKind
  /** Benchmarking organisations first, then the mentor(s): the matrix's columns. */
  organisationIds: readonly string[]
  checklistVersionId: string
  locale?: Locale
}

/**
 * Creates a meeting's structure with the default agenda and questions. Only the server
 * calls this (when a meeting is created), so no two replicas create the same nested types.
 * Idempotent: existing parts are left alone; organisations added later get their cells.
 */
export function initialiseMeeting(doc: Y.Doc, setup: MeetingSetup): void {
  const locale = setup.locale ?? 'sv'
  doc.transact(() => {
    if (meta(doc).get('schemaVersion') === undefined) meta(doc).set('schemaVersion', SCHEMA_VERSION)
    const meetings = meetingsOf(doc)
    let meeting = meetings.get(setup.meetingId)
    if (!meeting) {
      meeting = new Y.Map<unknown>()
      meeting.set('kind', setup.kind)
      meeting.set('organisationIds', [...setup.organisationIds])
      const agenda = new Y.Map<Y.Map<unknown>>()
      defaultAgendas[setup.kind].forEach((item, index) =>
        agenda.set(
          `default-${index + 1}`,
          makeAgendaItem(item.title[locale], item.minutes, index + 1),
        ),
      )
      meeting.set('agenda', agenda)
      const questions = new Y.Map<Y.Map<unknown>>()
      const answers = new Y.Map<Y.Text>()
      meeting.set('questions', questions)
      meeting.set('answers', answers)
      meetings.set(setup.meetingId, meeting)
      defaultMatrixQuestions[setup.kind].forEach((question, index) =>
        makeQuestion(
          answers,
          questions,
          `default-${index + 1}`,
          question[locale],
          setup.organisationIds,
        ),
      )
    } else {
      addOrganisations(meeting, setup.organisationIds)
    }
    ensureChecklistComments(doc, setup)
  })
}

/** Late-joining organisations get a column: answer texts for every existing question. */
function addOrganisations(meeting: YMeeting, organisationIds: readonly string[]): void {
  const known = meetingOrganisationIds(meeting)
  const added = organisationIds.filter((id) => !known.includes(id))
  if (added.length === 0) return
  meeting.set('organisationIds', [...known, ...added])
  const answers = answersOf(meeting)
  questionsOf(meeting)?.forEach((_question, questionId) => {
    for (const organisationId of added) {
      if (!answers?.has(answerKey(questionId, organisationId)))
        answers?.set(answerKey(questionId, organisationId), new Y.Text())
    }
  })
}

function ensureChecklistComments(doc: Y.Doc, setup: MeetingSetup): void {
  const phase = checklistPhaseFor(setup.kind)
  if (!phase) return
  const comments = checklistCommentsOf(doc)
  for (const organisationId of setup.organisationIds) {
    for (const item of getChecklistVersion(setup.checklistVersionId).items) {
      const key = checklistKey(organisationId, phase, item.id)
      if (!comments.has(key)) comments.set(key, new Y.Text())
    }
  }
}

export interface MeetingDocument {
  id: string
  kind: MeetingKind | null
  organisationIds: string[]
}

const isMeetingKind = (value: unknown): value is MeetingKind =>
  (meetingKinds as readonly unknown[]).includes(value)

export function readMeeting(doc: Y.Doc, meetingId: string): MeetingDocument | null {
  const meeting = meetingOf(doc, meetingId)
  if (!meeting) return null
  const kind = meeting.get('kind')
  return {
    id: meetingId,
    kind: isMeetingKind(kind) ? kind : null,
    organisationIds: meetingOrganisationIds(meeting),
  }
}
