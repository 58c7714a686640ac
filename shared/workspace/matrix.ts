import * as Y from 'yjs'
import { asMap, asText, meetingOf, meetingsOf, newId, textOf, type YMeeting } from './document.ts'
import { moveBy, moveToIndex, orderedEntries, positionAtEnd } from './ordering.ts'

/** The comparison matrix: questions as rows, organisations as columns, every cell a text. */
interface MatrixQuestion {
  id: string
  text: string
  position: number
}

export interface Matrix {
  organisationIds: string[]
  questions: MatrixQuestion[]
  /** answers[questionId][organisationId] */
  answers: Record<string, Record<string, string>>
}

export const answerKey = (questionId: string, organisationId: string): string =>
  `${questionId}|${organisationId}`

export const questionsOf = (meeting: YMeeting): Y.Map<Y.Map<unknown>> | undefined => {
  const questions = meeting.get('questions')
  return questions instanceof Y.Map ? (questions as Y.Map<Y.Map<unknown>>) : undefined
}

export const answersOf = (meeting: YMeeting): Y.Map<Y.Text> | undefined => {
  const answers = meeting.get('answers')
  return answers instanceof Y.Map ? (answers as Y.Map<Y.Text>) : undefined
}

export const meetingOrganisationIds = (meeting: YMeeting): string[] => {
  const ids = meeting.get('organisationIds')
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []
}

/** A question with an empty answer for every organisation, created in one go. */
export function makeQuestion(
  answers: Y.Map<Y.Text>,
  questions: Y.Map<Y.Map<unknown>>,
  id: string,
  text: string,
  organisationIds: readonly string[],
): void {
  const question = new Y.Map<unknown>()
  const title = new Y.Text()
  if (text) title.insert(0, text)
  question.set('text', title)
  question.set('position', positionAtEnd(questions))
  questions.set(id, question)
  for (const organisationId of organisationIds) {
    if (!answers.has(answerKey(id, organisationId)))
      answers.set(answerKey(id, organisationId), new Y.Text())
  }
}

export function readMatrix(doc: Y.Doc, meetingId: string): Matrix {
  const meeting = meetingOf(doc, meetingId)
  const questions = meeting && questionsOf(meeting)
  const answers = meeting && answersOf(meeting)
  const organisationIds = meeting ? meetingOrganisationIds(meeting) : []
  if (!questions || !answers) return { organisationIds, questions: [], answers: {} }
  // orderedEntries skips entries that are not maps; an answer that is not a text reads empty.
  const rows = orderedEntries(questions).map(({ id, position }) => ({
    id,
    position,
    text: textOf(questions.get(id) as Y.Map<unknown>, 'text')?.toString() ?? '',
  }))
  const cells: Matrix['answers'] = {}
  for (const row of rows) {
    cells[row.id] = {}
    for (const organisationId of organisationIds) {
      cells[row.id]![organisationId] =
        asText(answers.get(answerKey(row.id, organisationId)))?.toString() ?? ''
    }
  }
  return { organisationIds, questions: rows, answers: cells }
}

export const getQuestionText = (
  doc: Y.Doc,
  meetingId: string,
  questionId: string,
): Y.Text | undefined => {
  const meeting = meetingOf(doc, meetingId)
  const question = asMap(meeting && questionsOf(meeting)?.get(questionId))
  return question ? textOf(question, 'text') : undefined
}

export const getMatrixAnswer = (
  doc: Y.Doc,
  meetingId: string,
  questionId: string,
  organisationId: string,
): Y.Text | undefined => {
  const meeting = meetingOf(doc, meetingId)
  return asText(meeting && answersOf(meeting)?.get(answerKey(questionId, organisationId)))
}

export function addMatrixQuestion(doc: Y.Doc, meetingId: string, text = ''): string | null {
  const meeting = meetingsOf(doc).get(meetingId)
  const questions = meeting && questionsOf(meeting)
  const answers = meeting && answersOf(meeting)
  if (!meeting || !questions || !answers) return null
  const id = newId()
  doc.transact(() => makeQuestion(answers, questions, id, text, meetingOrganisationIds(meeting)))
  return id
}

/** Removes a question and its answers. */
export function removeMatrixQuestion(doc: Y.Doc, meetingId: string, questionId: string): void {
  const meeting = meetingsOf(doc).get(meetingId)
  if (!meeting) return
  doc.transact(() => {
    questionsOf(meeting)?.delete(questionId)
    for (const organisationId of meetingOrganisationIds(meeting)) {
      answersOf(meeting)?.delete(answerKey(questionId, organisationId))
    }
  })
}

export function moveMatrixQuestion(
  doc: Y.Doc,
  meetingId: string,
  questionId: string,
  to: number | 'up' | 'down',
): void {
  const meeting = meetingsOf(doc).get(meetingId)
  const questions = meeting && questionsOf(meeting)
  if (!questions) return
  doc.transact(() => {
    if (to === 'up') moveBy(questions, questionId, -1)
    else if (to === 'down') moveBy(questions, questionId, 1)
    else moveToIndex(questions, questionId, to)
  })
}
