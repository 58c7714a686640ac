import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { participants } from '../../db/schema.ts'
import type { Locale } from '../../shared/domain/locale.ts'
import { attendanceOn } from '../domain/attendance.ts'
import type { Groups } from '../domain/groups.ts'
import type { Meetings } from '../domain/meetings.ts'
import type { DocStore } from '../storage/doc-store.ts'
import type { WorkbookGroup } from './checklist-xlsx.ts'
import type { MinutesInput } from './minutes-content.ts'

export interface ExportSourceDeps {
  db: Database
  store: DocStore
  groups: Groups
  meetings: Meetings
}

/**
 * What the exports read on the main thread: rows from the database and the workspace's
 * stored bytes, undecoded (the worker decodes them). The stored state is what every member
 * has seen (the relay stores before it relays), read without loading the room, so an
 * export neither keeps a room in memory nor waits for one.
 */
export function createExportSources({ db, store, groups, meetings }: ExportSourceDeps) {
  /** The room's snapshot and the log after it, oldest first, as stored. */
  async function workspaceUpdates(room: string): Promise<Uint8Array[]> {
    const stored = await store.load(room)
    return stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates
  }

  async function present(groupId: string, date: string | null): Promise<MinutesInput['present']> {
    if (date === null) return null
    const seen = await attendanceOn(db, groupId, date)
    if (seen.length === 0) return []
    const rows = await db
      .select({
        id: participants.id,
        displayName: participants.displayName,
        organisationId: participants.organisationId,
        function: participants.function,
        role: participants.role,
      })
      .from(participants)
      .where(
        and(
          inArray(
            participants.id,
            seen.map((row) => row.participantId),
          ),
          // An erased person has no name to list.
          isNull(participants.erasedAt),
          eq(participants.groupId, groupId),
        ),
      )
    return rows.map(({ id: _id, ...person }) => person)
  }

  /** A meeting's minutes input; null when the group has no such (non-deleted) meeting. */
  async function minutes(
    groupId: string,
    meetingId: string,
    lang: Locale,
  ): Promise<MinutesInput | null> {
    const workspace = await groups.workspace(groupId)
    const meeting = await meetings.find(groupId, meetingId)
    if (!workspace || !meeting) return null
    return {
      lang,
      group: { name: workspace.group.name },
      round: { name: workspace.cohort.name, checklistVersion: workspace.cohort.checklistVersion },
      meeting: {
        id: meeting.id,
        kind: meeting.kind,
        title: meeting.title,
        date: meeting.date,
        startTime: meeting.startTime,
        durationMinutes: meeting.durationMinutes,
        hostOrganisationId: meeting.hostOrganisationId,
        place: meeting.place,
        videoLink: meeting.videoLink,
      },
      organisations: workspace.organisations.map(({ id, name, memberRole }) => ({
        id,
        name,
        memberRole,
      })),
      present: await present(groupId, meeting.date),
      meetings: workspace.meetings.map(({ id, kind, date }) => ({ id, kind, date })),
      updates: await workspaceUpdates(workspace.group.room),
    }
  }

  /** One group as a workbook reads it; null when the group is gone. */
  async function workbookGroup(groupId: string): Promise<WorkbookGroup | null> {
    const workspace = await groups.workspace(groupId)
    if (!workspace) return null
    return {
      name: workspace.group.name,
      checklistVersion: workspace.cohort.checklistVersion,
      organisations: workspace.organisations.map(({ id, name, memberRole }) => ({
        id,
        name,
        memberRole,
      })),
      meetings: workspace.meetings.map(({ id, kind, date }) => ({ id, kind, date })),
      updates: await workspaceUpdates(workspace.group.room),
    }
  }

  return { minutes, workbookGroup, workspaceUpdates }
}

export type ExportSources = ReturnType<typeof createExportSources>
