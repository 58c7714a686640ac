/**
 * The JSON API between the client and the server: request schemas (validated at the edge
 * with zod) and response types. Both sides import from here so they cannot drift apart.
 */
import * as z from 'zod'
import { roles, type Role } from './roles.ts'
import { participantFunctions, type ParticipantFunction } from './domain/participant.ts'
import { CLOCK_PATTERN } from './domain/agenda-schedule.ts'
import {
  displayNameMessages,
  displayNameProblem,
  textMessages,
  textProblem,
} from './domain/display-name.ts'
import { meetingKinds, type MeetingKind } from './domain/meeting-kind.ts'
import type { GroupMemberRole, OrganisationKind } from './domain/organisation.ts'

/** Every error response has this body. `code` is stable; `message` is for humans (English). */
export interface ApiError {
  error: { code: ApiErrorCode; message: string; issues?: unknown }
}

export type ApiErrorCode =
  | 'bad_request'
  | 'invalid_json'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'invite_not_found'
  | 'invite_revoked'
  | 'invite_expired'
  | 'invite_used_up'
  | 'conflict'
  | 'payload_too_large'
  | 'cross_origin'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'internal'

const token = z.string().trim().min(16).max(200)

/** A display name by the rule of shared/domain/display-name.ts (the join form's too). */
export const displayNameSchema = z
  .string()
  .trim()
  .superRefine((name, context) => {
    const problem = displayNameProblem(name)
    if (problem) context.addIssue({ code: 'custom', message: displayNameMessages[problem] })
  })

/** Free text shown to the group (a title, a place): no control or text-direction characters. */
export const shownText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .superRefine((text, context) => {
      const problem = textProblem(text)
      if (problem) context.addIssue({ code: 'custom', message: textMessages[problem] })
    })

export const joinRequestSchema = z.object({
  invite: token,
  name: displayNameSchema,
  organisationId: z.string().min(1).max(100).optional(),
  function: z
    .enum(participantFunctions as [ParticipantFunction, ...ParticipantFunction[]])
    .optional(),
})
export type JoinRequest = z.infer<typeof joinRequestSchema>

export interface JoinResponse {
  session: string
  room: string
  role: Role
  participantId: string
}

export const invitePreviewRequestSchema = z.object({ invite: token })

export interface OrganisationSummary {
  id: string
  name: string
  kind: OrganisationKind
  municipalityCode: string | null
  memberRole: GroupMemberRole
  position: number
}

export interface GroupSummary {
  id: string
  name: string
  room: string
}

export interface InvitePreviewResponse {
  group: GroupSummary
  role: Role
  organisations: OrganisationSummary[]
  /** The member organisation the invitation is for: who joins with it belongs to it. */
  organisationId: string | null
  /**
   * This browser already belongs to the group (a valid session cookie for its room came
   * with the request): who it is there. The join page offers the way in instead of a form.
   */
  member?: { displayName: string; role: Role }
}

export interface ParticipantSummary {
  id: string
  displayName: string
  organisationId: string | null
  function: ParticipantFunction | null
  role: Role
}

export interface SessionResponse {
  room: string
  groupId: string
  role: Role
  participant: ParticipantSummary
  /**
   * Present (true) only for a round lead who entered the group: the header links back to
   * the rounds. Nobody else is told the field exists.
   */
  isRoundLead?: true
}

export interface CohortSummary {
  id: string
  name: string
  track: string
  startYear: number
  endYear: number
  checklistVersion: string
  meetingPlan: MeetingKind[]
}

export interface MeetingSummary {
  id: string
  kind: MeetingKind
  title: string | null
  sequence: number
  /** ISO date YYYY-MM-DD */
  date: string | null
  /** HH:MM */
  startTime: string | null
  durationMinutes: number
  hostOrganisationId: string | null
  place: string | null
  videoLink: string | null
  /**
   * When a facilitator archived it (ISO): shown under "Arkiverade träffar", not in the
   * main list. Absent or null: not archived. Deleted meetings are never listed.
   */
  archivedAt?: string | null
}

export interface GroupWorkspaceResponse {
  group: GroupSummary
  cohort: CohortSummary
  organisations: OrganisationSummary[]
  meetings: MeetingSummary[]
  participants: ParticipantSummary[]
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const time = z.string().regex(CLOCK_PATTERN)

export const meetingInputSchema = z.object({
  kind: z.enum(meetingKinds as [MeetingKind, ...MeetingKind[]]),
  title: shownText(120).nullable().optional(),
  date: isoDate.nullable().optional(),
  startTime: time.nullable().optional(),
  durationMinutes: z
    .number()
    .int()
    .min(15)
    .max(24 * 60)
    .optional(),
  hostOrganisationId: z.string().min(1).max(100).nullable().optional(),
  place: shownText(200).nullable().optional(),
  videoLink: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .optional(),
})
export type MeetingInput = z.infer<typeof meetingInputSchema>
export const meetingPatchSchema = meetingInputSchema.partial()
export type MeetingPatch = z.infer<typeof meetingPatchSchema>

/**
 * `PUT /api/rooms/:room/meetings/order` (facilitators): every meeting of the group that is
 * not deleted (archived ones too), in the order they are to be held.
 */
export const meetingOrderSchema = z.object({
  meetingIds: z
    .array(z.string().min(1).max(100))
    .min(1)
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, 'a meeting is named twice'),
})

/** The group's meetings after a change of order (or archive state), in order. */
export interface MeetingListResponse {
  meetings: MeetingSummary[]
}

/** `GET /api/time`: the server's clock, epoch milliseconds. */
export interface ServerTimeResponse {
  now: number
}

/**
 * `POST /api/rooms/:room/invitations` (facilitators): a time-limited invitation link, e.g.
 * the QR code on the projector that lets people in the room join from their phones.
 * `organisationId` names the member organisation the link is meant for (kept as its label).
 */
export const invitationRequestSchema = z.object({
  role: z.enum(roles as [Role, ...Role[]]),
  days: z.number().int().min(1).max(90),
  maxUses: z.number().int().min(1).max(500),
  organisationId: z.string().min(1).max(100).optional(),
})
export type InvitationRequest = z.infer<typeof invitationRequestSchema>

export interface InvitationResponse {
  /** The token, shown only this once (the database keeps its hash). */
  invite: string
  /** PUBLIC_URL + '/join#' + invite */
  url: string
  /** ISO 8601 */
  expiresAt: string
}

/** Ids we mint (randomId) and the demo's: checked before they reach the database. */
export const rowId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'not a valid id')

/** The path of `…/members/:participantId`. */
export const memberParamsSchema = z.object({ room: z.string(), participantId: rowId })

/** The path of `…/invitations/:invitationId`. */
export const invitationParamsSchema = z.object({ room: z.string(), invitationId: rowId })

/** `PATCH /api/rooms/:room/members/:participantId` (facilitators): another role. */
export const memberRoleRequestSchema = z.object({ role: z.enum(roles as [Role, ...Role[]]) })
export type MemberRoleRequest = z.infer<typeof memberRoleRequestSchema>

/** One member of a group as its facilitators see them (`GET …/members`). */
export interface MemberSummary extends ParticipantSummary {
  /** ISO 8601: when they joined. */
  joinedAt: string
  /** ISO 8601: when one of their connections last opened or closed; null: never connected. */
  lastSeenAt: string | null
  /** Connected to the group's live workspace right now. */
  online: boolean
  /** The invitation they joined with (null: added otherwise, e.g. the demo). */
  invitationId: string | null
}

export interface MembersResponse {
  members: MemberSummary[]
}

export type InvitationStatus = 'active' | 'expired' | 'used_up' | 'revoked'

/** One of a group's invitations (`GET …/invitations`): never its token. */
export interface InvitationSummary {
  id: string
  role: Role
  /** The member organisation it is for (null: any). */
  organisationId: string | null
  /** A note kept with it (the demo's links say so). */
  label: string | null
  /** The facilitator who made it (null: the command line or the demo). */
  createdBy: { id: string; displayName: string } | null
  /** ISO 8601 */
  createdAt: string
  /** ISO 8601 */
  expiresAt: string
  /** null: no limit */
  maxUses: number | null
  uses: number
  /** null: no limit */
  usesLeft: number | null
  status: InvitationStatus
  /** Who joined with it, first first (members removed since included, marked). */
  usedBy: { id: string; displayName: string; removed: boolean }[]
}

export interface InvitationsResponse {
  invitations: InvitationSummary[]
}
