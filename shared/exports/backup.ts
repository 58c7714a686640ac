import * as z from 'zod'
import { meetingKinds, type MeetingKind } from '../domain/meeting-kind.ts'
import { GroupMemberRole, OrganisationKind } from '../domain/organisation.ts'
import { participantFunctions, type ParticipantFunction } from '../domain/participant.ts'
import { Role } from '../roles.ts'

/**
 * A group's backup (`GET /api/rooms/:room/export/backup.json`): its whole workspace (the Yjs
 * state) and its rows in the database, in one versioned JSON document, restorable with
 * `POST /api/rounds/:cohortId/groups/import`. Never a token or a token's hash: sessions are
 * not in it, invitations only as what they were (restored withdrawn), so a restored group
 * is entered afresh with new invitations.
 *
 * Ids are kept: the workspace names meetings, organisations and participants by id (a
 * checklist key, a PDSA plan's meeting, a lock's holder), so a restore brings back the
 * same ids, and is refused where they are taken (the group still exists here).
 *
 * `formatVersion` is raised with any change to this shape; an import reads only the
 * versions it knows (one, so far) and refuses newer ones by name.
 */
export const BACKUP_FORMAT = 'modellrummet.group-backup'
export const BACKUP_FORMAT_VERSION = 1

const id = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'not a valid id')
const iso = z.iso.datetime({ offset: true })
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'not a date (YYYY-MM-DD)')
const name = z.string().min(1).max(200)
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64')

const organisationSchema = z.object({
  id,
  name,
  kind: z.enum(Object.values(OrganisationKind)),
  municipalityCode: z.string().max(8).nullable(),
  memberRole: z.enum(Object.values(GroupMemberRole)),
  position: z.number().int().min(0),
})

const meetingSchema = z.object({
  id,
  kind: z.enum(meetingKinds as [MeetingKind, ...MeetingKind[]]),
  title: z.string().max(200).nullable(),
  sequence: z.number().int(),
  date: day.nullable(),
  startTime: z.string().max(5).nullable(),
  durationMinutes: z.number().int().min(0),
  hostOrganisationId: id.nullable(),
  place: z.string().max(500).nullable(),
  videoLink: z.string().max(2000).nullable(),
  createdAt: iso,
  archivedAt: iso.nullable(),
  deletedAt: iso.nullable(),
})

const participantSchema = z.object({
  id,
  /** '' for a person a round lead erased (shared/privacy-api.ts). */
  displayName: z.string().max(200),
  organisationId: id.nullable(),
  function: z
    .enum(participantFunctions as [ParticipantFunction, ...ParticipantFunction[]])
    .nullable(),
  role: z.enum(Object.values(Role)),
  invitationId: id.nullable(),
  joinedAt: iso,
  lastSeenAt: iso.nullable(),
  removedAt: iso.nullable(),
  erasedAt: iso.nullable(),
})

const invitationSchema = z.object({
  id,
  role: z.enum(Object.values(Role)),
  label: z.string().max(200).nullable(),
  organisationId: id.nullable(),
  createdBy: id.nullable(),
  createdAt: iso,
  expiresAt: iso,
  maxUses: z.number().int().min(0).nullable(),
  uses: z.number().int().min(0),
  revokedAt: iso.nullable(),
})

const attendanceSchema = z.object({
  participantId: id,
  day,
  firstSeenAt: iso,
  lastSeenAt: iso,
})

export const groupBackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  exportedAt: iso,
  group: z.object({ id, name, room: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }),
  /** The round it came from: a restore goes into a round of the same checklist version. */
  round: z.object({ id, name: z.string().max(200), checklistVersion: z.string().max(50) }),
  organisations: z.array(organisationSchema).min(1).max(20),
  meetings: z.array(meetingSchema).max(200),
  participants: z.array(participantSchema).max(5000),
  invitations: z.array(invitationSchema).max(5000),
  attendance: z.array(attendanceSchema).max(100_000),
  workspace: z.object({
    /** `Y.encodeStateAsUpdate` of the whole document, base64 (its schema version inside). */
    state: base64,
  }),
})
export type GroupBackup = z.infer<typeof groupBackupSchema>

/** `POST /api/rounds/:cohortId/groups/import` answers `201` with the restored group. */
export interface BackupImportResponse {
  group: { id: string; name: string; room: string }
  counts: {
    organisations: number
    meetings: number
    participants: number
    invitations: number
    attendance: number
    workspaceBytes: number
  }
}
