import type { MessageKey } from '../../../shared/i18n/index.ts'
import { MeetingPart } from '../../../shared/workspace/control.ts'

/**
 * The board's tabs: the Swedish ids of the URL (`?del=…`, deep links people share) and
 * the parts of the meeting's control state they show.
 */
export const boardTabs = [
  { id: 'agenda', part: MeetingPart.Agenda, label: 'board.agenda' },
  { id: 'matris', part: MeetingPart.Matrix, label: 'board.matrix' },
  { id: 'pdsa', part: MeetingPart.Pdsa, label: 'board.pdsa' },
  { id: 'checklista', part: MeetingPart.Checklist, label: 'board.checklist' },
  { id: 'resultat', part: MeetingPart.Results, label: 'board.results' },
] as const satisfies readonly { id: string; part: MeetingPart; label: MessageKey }[]
export type BoardTab = (typeof boardTabs)[number]['id']

/** The tab a `?del=` value names; the agenda for anything else. */
export const tabOf = (id: string | undefined): BoardTab =>
  boardTabs.find((tab) => tab.id === id)?.id ?? 'agenda'

export const partOfTab = (tab: BoardTab): MeetingPart =>
  boardTabs.find((t) => t.id === tab)?.part ?? MeetingPart.Agenda

/** The tab that shows a part (every part has one; the agenda for a part this build does not know). */
export const tabOfPart = (part: MeetingPart): BoardTab =>
  boardTabs.find((t) => t.part === part)?.id ?? 'agenda'

/** What a part is called (in the presence list: "Anna · Jämförelsematris"). */
export const partLabel: Record<MeetingPart, MessageKey> = {
  agenda: 'board.agenda',
  matrix: 'board.matrix',
  pdsa: 'board.pdsa',
  checklist: 'board.checklist',
  results: 'board.results',
}
