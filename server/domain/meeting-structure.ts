import type { MeetingSummary } from '../../shared/api.ts'
import { GroupMemberRole } from '../../shared/domain/organisation.ts'
import { initialiseMeeting } from '../../shared/workspace/index.ts'
import type { DocWriter } from './doc-writer.ts'
import type { Groups } from './groups.ts'
import type { Meetings } from './meetings.ts'

export interface MeetingStructureDeps {
  groups: Groups
  meetings: Meetings
  writer: DocWriter
}

/**
 * A meeting's structure in its group's workspace (agenda, comparison matrix with one column
 * per benchmarking organisation and the mentor, checklist): created idempotently by the
 * shared workspace schema, so the server and the client build it the same way.
 */
export function createMeetingStructure({ groups, meetings, writer }: MeetingStructureDeps) {
  async function frame(groupId: string) {
    const context = await groups.context(groupId)
    if (!context) throw new Error(`Unknown group ${groupId}`)
    const members = await groups.organisationsOf(groupId)
    const organisationIds = members
      .filter(
        (m) =>
          m.memberRole === GroupMemberRole.Benchmarking || m.memberRole === GroupMemberRole.Mentor,
      )
      .map((m) => m.id)
    return {
      room: context.group.room,
      organisationIds,
      checklistVersionId: context.cohort.checklistVersion,
    }
  }

  async function initialiseMany(groupId: string, list: MeetingSummary[]): Promise<void> {
    if (list.length === 0) return
    const { room, organisationIds, checklistVersionId } = await frame(groupId)
    await writer.change(room, (doc) => {
      for (const meeting of list) {
        initialiseMeeting(doc, {
          meetingId: meeting.id,
          kind: meeting.kind,
          organisationIds,
          checklistVersionId,
        })
      }
    })
  }

  /** One meeting (a new one from the API). */
  const initialise = (groupId: string, meeting: MeetingSummary) =>
    initialiseMany(groupId, [meeting])

  /** Every meeting of the group, in one change. */
  const initialiseAll = async (groupId: string) =>
    initialiseMany(groupId, await meetings.list(groupId))

  return { initialise, initialiseAll }
}

export type MeetingStructure = ReturnType<typeof createMeetingStructure>
