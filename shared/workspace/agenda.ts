import * as Y from 'yjs'
import {
  asMap,
  meetingOf,
  newId,
  numberOf,
  stringOf,
  textOf,
  textWith,
  type YMeeting,
} from './document.ts'
import { moveBy, moveToIndex, orderedEntries, positionAtEnd } from './ordering.ts'

export interface AgendaItem {
  id: string
  title: string
  minutes: number
  responsibleOrganisationId: string | null
  done: boolean
  position: number
}

export const agendaOf = (meeting: YMeeting): Y.Map<Y.Map<unknown>> | undefined => {
  const agenda = meeting.get('agenda')
  return agenda instanceof Y.Map ? (agenda as Y.Map<Y.Map<unknown>>) : undefined
}

const agendaFor = (doc: Y.Doc, meetingId: string) => {
  const meeting = meetingOf(doc, meetingId)
  return meeting ? agendaOf(meeting) : undefined
}

/** An item of the agenda, or undefined when there is none (or something else) at that id. */
const agendaItemAt = (doc: Y.Doc, meetingId: string, itemId: string) =>
  asMap(agendaFor(doc, meetingId)?.get(itemId))

export const makeAgendaItem = (
  title: string,
  minutes: number,
  position: number,
): Y.Map<unknown> => {
  const item = new Y.Map<unknown>()
  item.set('title', textWith(title))
  item.set('minutes', minutes)
  item.set('responsibleOrganisationId', null)
  item.set('done', false)
  item.set('position', position)
  return item
}

export function readAgenda(doc: Y.Doc, meetingId: string): AgendaItem[] {
  const agenda = agendaFor(doc, meetingId)
  if (!agenda) return []
  // orderedEntries skips entries that are not maps, so each item read here is one.
  return orderedEntries(agenda).map(({ id, position }) => {
    const item = agenda.get(id) as Y.Map<unknown>
    return {
      id,
      position,
      title: textOf(item, 'title')?.toString() ?? '',
      minutes: numberOf(item, 'minutes', 0),
      responsibleOrganisationId: stringOf(item, 'responsibleOrganisationId'),
      done: item.get('done') === true,
    }
  })
}

export const agendaTotalMinutes = (items: readonly AgendaItem[]): number =>
  items.reduce((sum, item) => sum + item.minutes, 0)

export const getAgendaItemTitle = (
  doc: Y.Doc,
  meetingId: string,
  itemId: string,
): Y.Text | undefined => {
  const item = agendaItemAt(doc, meetingId, itemId)
  return item ? textOf(item, 'title') : undefined
}

/** Adds an item at the end (or at `index`); returns its id. */
export function addAgendaItem(
  doc: Y.Doc,
  meetingId: string,
  input: { title?: string; minutes?: number; index?: number } = {},
): string | null {
  const agenda = agendaFor(doc, meetingId)
  if (!agenda) return null
  const id = newId()
  doc.transact(() => {
    agenda.set(id, makeAgendaItem(input.title ?? '', input.minutes ?? 15, positionAtEnd(agenda)))
    if (input.index !== undefined) moveToIndex(agenda, id, input.index)
  })
  return id
}

export type AgendaItemPatch = Partial<
  Pick<AgendaItem, 'minutes' | 'responsibleOrganisationId' | 'done'>
>

export function updateAgendaItem(
  doc: Y.Doc,
  meetingId: string,
  itemId: string,
  patch: AgendaItemPatch,
): void {
  const item = agendaFor(doc, meetingId)?.get(itemId)
  if (!item) return
  doc.transact(() => {
    if (patch.minutes !== undefined) item.set('minutes', Math.max(0, Math.round(patch.minutes)))
    if (patch.responsibleOrganisationId !== undefined)
      item.set('responsibleOrganisationId', patch.responsibleOrganisationId)
    if (patch.done !== undefined) item.set('done', patch.done)
  })
}

export function removeAgendaItem(doc: Y.Doc, meetingId: string, itemId: string): void {
  const agenda = agendaFor(doc, meetingId)
  if (agenda) doc.transact(() => agenda.delete(itemId))
}

export function moveAgendaItem(
  doc: Y.Doc,
  meetingId: string,
  itemId: string,
  to: number | 'up' | 'down',
): void {
  const agenda = agendaFor(doc, meetingId)
  if (!agenda) return
  doc.transact(() => {
    if (to === 'up') moveBy(agenda, itemId, -1)
    else if (to === 'down') moveBy(agenda, itemId, 1)
    else moveToIndex(agenda, itemId, to)
  })
}
