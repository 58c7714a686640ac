import type { MeetingSummary } from '../../../shared/api.ts'

/** Meetings shown in the group home's main list (archived ones are listed apart). */
export const isShown = (meeting: MeetingSummary): boolean => !meeting.archivedAt

/**
 * The shown meeting just before `meetingId` (null when it comes first): where the edit
 * form's "place in the order" starts.
 */
export function shownBefore(meetings: readonly MeetingSummary[], meetingId: string): string | null {
  let before: string | null = null
  for (const meeting of meetings) {
    if (meeting.id === meetingId) return before
    if (isShown(meeting)) before = meeting.id
  }
  return before
}

/**
 * The order of every meeting (archived ones too, as `PUT …/meetings/order` wants) after
 * putting `meetingId` right after `afterId`, or first when `afterId` is null; the others
 * keep their order.
 */
export function orderWith(
  meetingIds: readonly string[],
  meetingId: string,
  afterId: string | null,
): string[] {
  const others = meetingIds.filter((id) => id !== meetingId)
  const at = afterId === null ? 0 : others.indexOf(afterId) + 1
  return [...others.slice(0, at), meetingId, ...others.slice(at)]
}
