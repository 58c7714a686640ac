import type { MeetingPatch, MeetingSummary } from '../../shared/api.ts'

/** When and where a meeting is held: changing one of these moves the meeting. */
const whenAndWhere = ['date', 'startTime', 'hostOrganisationId', 'place', 'videoLink'] as const

/**
 * How an edit reads in the audit log: `meeting.moved` when it changed when or where the
 * meeting is held (with the values before and after), `meeting.updated` otherwise.
 */
export function meetingChangeKind(
  before: MeetingSummary,
  after: MeetingSummary,
  patch: MeetingPatch,
): { kind: 'meeting.moved' | 'meeting.updated'; detail: Record<string, unknown> } {
  const fields = Object.keys(patch)
  const moved = whenAndWhere.filter((field) => before[field] !== after[field])
  if (moved.length === 0)
    return { kind: 'meeting.updated', detail: { meetingId: after.id, fields } }
  const pick = (meeting: MeetingSummary) =>
    Object.fromEntries(moved.map((field) => [field, meeting[field]]))
  return {
    kind: 'meeting.moved',
    detail: { meetingId: after.id, fields, from: pick(before), to: pick(after) },
  }
}
