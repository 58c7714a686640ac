/**
 * Personal data and the audit log, for the round lead (omgångsledare). Routes, all under
 * /api/rounds/:cohortId and for a lead of that round only:
 *   GET audit?groupId=&kind=&before=&limit= · GET groups/:groupId/export.json
 *   GET participants/:participantId · GET participants/:participantId/export.json
 *   POST participants/:participantId/erase · GET|PATCH retention · POST close
 */
import * as z from 'zod'
import { rowId } from './api.ts'
import type { ParticipantFunction } from './domain/participant.ts'
import type { Role } from './roles.ts'

/** The path of `…/participants/:participantId…`. */
export const roundParticipantParamsSchema = z.object({ cohortId: rowId, participantId: rowId })

/** Audit kinds are dotted lower-case words (`member.removed`). */
const auditKind = z.string().regex(/^[a-z_]{1,40}(\.[a-z_]{1,40}){0,3}$/, 'not an audit kind')

/** `GET /api/rounds/:cohortId/audit`: newest first, `before` an event id from the last page. */
export const auditQuerySchema = z.object({
  groupId: rowId.optional(),
  kind: auditKind.optional(),
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})
export type AuditQuery = z.infer<typeof auditQuerySchema>

/** A person as the audit log names them, resolved when it is read. */
export interface AuditPerson {
  id: string
  /** `ERASED_DISPLAY_NAME` once erased. */
  displayName: string
  erased: boolean
  /** The group they belong to (a group member; null for a round lead). */
  groupId: string | null
}

export interface AuditEventView {
  id: number
  /** ISO 8601 */
  at: string
  kind: string
  groupId: string | null
  groupName: string | null
  /** Who did it: a group member, or a round lead (null: the command line or the server). */
  actor:
    ({ type: 'member' } & AuditPerson) | { type: 'lead'; id: string; displayName: string } | null
  /** The member it was done to (a removal, a role change, an erasure), when there is one. */
  subject: AuditPerson | null
  /** What the event recorded besides (ids, roles, counts: never names or tokens). */
  detail: Record<string, unknown>
}

export interface AuditResponse {
  events: AuditEventView[]
  /** Pass as `before` for the next (older) page; null: this was the last. */
  nextBefore: number | null
}

/** `PATCH /api/rounds/:cohortId/retention` */
export const retentionRequestSchema = z.object({
  retentionDays: z.number().int().min(1).max(3650),
})
export type RetentionRequest = z.infer<typeof retentionRequestSchema>

/** A round's retention: how long after it closes its sessions and invitations last. */
export interface RetentionResponse {
  cohortId: string
  /** ISO 8601; null: the round is open. */
  closedAt: string | null
  retentionDays: number
  /** ISO 8601: when the sweep ends its sessions and invitations; null while open. */
  endsAt: string | null
}

/** `GET /api/rounds/:cohortId/participants/:participantId`: the person page. */
export interface PersonResponse {
  id: string
  displayName: string
  organisationId: string | null
  organisationName: string | null
  function: ParticipantFunction | null
  role: Role
  group: { id: string; name: string; room: string }
  /** ISO 8601 */
  joinedAt: string
  /** ISO 8601 */
  removedAt: string | null
  /** ISO 8601 */
  erasedAt: string | null
}

/** `POST …/participants/:participantId/erase` */
export interface EraseResponse {
  id: string
  /** ISO 8601 */
  erasedAt: string
  /** Sessions ended by the erasure (their open sockets closed on every node). */
  sessionsEnded: number
}

/** One person's data (`…/participants/:participantId/export.json`). Never a token's hash. */
export interface PersonExport {
  exportedAt: string
  participant: {
    id: string
    displayName: string
    organisation: { id: string; name: string } | null
    function: ParticipantFunction | null
    role: Role
    group: { id: string; name: string; cohortId: string }
    invitationId: string | null
    joinedAt: string
    lastSeenAt: string | null
    removedAt: string | null
    erasedAt: string | null
  }
  /** Times only. */
  sessions: {
    role: Role
    createdAt: string
    expiresAt: string
    revokedAt: string | null
  }[]
  invitationsCreated: ExportedInvitation[]
  audit: ExportedAuditEvent[]
  /** How many workspace changes they made, per room and day (UTC); the changes are content. */
  updatesAuthored: { room: string; date: string; count: number }[]
  /**
   * The days they had the group's board open (Swedish calendar day, first and last time):
   * what the minutes' list of those present is made of.
   */
  attendance: { day: string; firstSeenAt: string; lastSeenAt: string }[]
}

export interface ExportedInvitation {
  id: string
  groupId: string
  role: Role
  organisationId: string | null
  label: string | null
  createdBy: string | null
  createdAt: string
  expiresAt: string
  maxUses: number | null
  uses: number
  revokedAt: string | null
}

export interface ExportedAuditEvent {
  id: number
  at: string
  kind: string
  groupId: string | null
  participantId: string | null
  leadId: string | null
  detail: Record<string, unknown> | null
}

/** One group's data (`…/groups/:groupId/export.json`). Never a token's hash. */
export interface GroupExport {
  exportedAt: string
  group: { id: string; name: string; room: string; cohortId: string; createdAt: string }
  organisations: { id: string; name: string; kind: string; role: string; position: number }[]
  meetings: {
    id: string
    kind: string
    title: string | null
    sequence: number
    date: string | null
    startTime: string | null
    durationMinutes: number
    hostOrganisationId: string | null
    place: string | null
    videoLink: string | null
  }[]
  participants: PersonExport['participant'][]
  invitations: ExportedInvitation[]
  audit: ExportedAuditEvent[]
}

/** `GET /api/rounds/:cohortId/groups/:groupId/people`: everyone who was ever in the group. */
export interface GroupPeopleResponse {
  group: { id: string; name: string; room: string }
  people: PersonResponse[]
}
