import { asc, desc, eq } from 'drizzle-orm'
import type { Database } from '../../../db/client.ts'
import {
  auditEvents,
  groupOrganisations,
  invitations,
  meetings,
  organisations,
} from '../../../db/schema.ts'
import type { GroupExport } from '../../../shared/privacy-api.ts'
import {
  allParticipantsOf,
  exportedAuditEvent,
  exportedInvitation,
  exportedParticipants,
} from './export-rows.ts'
import type { RoundScope } from './scope.ts'

/**
 * One group's data for the round lead: its organisations, meetings, every participant
 * (removed and erased ones as what is left of them), its invitations (never a token's
 * hash) and its audit log. The workspace's content is the group's own export (backup).
 */
export function createGroupExport(db: Database, scope: RoundScope) {
  return async function exportGroup(
    cohortId: string,
    groupId: string,
    now = new Date(),
  ): Promise<GroupExport | null> {
    const group = await scope.group(cohortId, groupId)
    if (!group) return null
    const members = await db
      .select({
        id: organisations.id,
        name: organisations.name,
        kind: organisations.kind,
        role: groupOrganisations.role,
        position: groupOrganisations.position,
      })
      .from(groupOrganisations)
      .innerJoin(organisations, eq(organisations.id, groupOrganisations.organisationId))
      .where(eq(groupOrganisations.groupId, groupId))
      .orderBy(asc(groupOrganisations.position))
    const meetingRows = await db
      .select({
        id: meetings.id,
        kind: meetings.kind,
        title: meetings.title,
        sequence: meetings.sequence,
        date: meetings.date,
        startTime: meetings.startTime,
        durationMinutes: meetings.durationMinutes,
        hostOrganisationId: meetings.hostOrganisationId,
        place: meetings.place,
        videoLink: meetings.videoLink,
      })
      .from(meetings)
      .where(eq(meetings.groupId, groupId))
      .orderBy(asc(meetings.sequence))
    const invitationRows = await db
      .select()
      .from(invitations)
      .where(eq(invitations.groupId, groupId))
      .orderBy(asc(invitations.createdAt), asc(invitations.id))
    const auditRows = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.groupId, groupId))
      .orderBy(desc(auditEvents.id))
    return {
      exportedAt: now.toISOString(),
      group: {
        id: group.id,
        name: group.name,
        room: group.room,
        cohortId: group.cohortId,
        createdAt: group.createdAt.toISOString(),
      },
      organisations: members,
      meetings: meetingRows,
      participants: await exportedParticipants(db, group, await allParticipantsOf(db, groupId)),
      invitations: invitationRows.map(exportedInvitation),
      audit: auditRows.map(exportedAuditEvent),
    }
  }
}
