import type { AgendaItem } from '../../../shared/workspace/agenda.ts'

/**
 * The item after `currentId` in agenda order that is not done yet (the next one at all
 * when every later item is done); null after the last item.
 */
export function nextAgendaItemId(items: readonly AgendaItem[], currentId: string): string | null {
  const index = items.findIndex((item) => item.id === currentId)
  if (index < 0) return null
  const later = items.slice(index + 1)
  return (later.find((item) => !item.done) ?? later[0])?.id ?? null
}

/**
 * The index of the meeting's current item: the facilitator's while the meeting is led
 * (none when they set none), else the one the clock plan says runs now.
 */
export function currentAgendaIndex(
  items: readonly AgendaItem[],
  led: boolean,
  ledItemId: string | null,
  clockIndex: number | null,
): number | null {
  if (!led) return clockIndex
  const index = items.findIndex((item) => item.id === ledItemId)
  return index < 0 ? null : index
}
