/**
 * The round lead's JSON API (omgångsledare: SKR's project leader, over one round or all):
 * request schemas, validated at the edge with zod, and response types. The client's round
 * pages and the server both import from here. Routes (all under /api):
 *   POST /lead/join · GET /lead/session · DELETE /lead/session · POST /lead/invitations
 *   GET|POST /rounds · GET|PATCH /rounds/:cohortId · POST /rounds/:cohortId/copy
 *   POST /rounds/:cohortId/groups · PATCH /rounds/:cohortId/groups/:groupId
 *   POST /rounds/:cohortId/groups/:groupId/invitations · POST …/groups/:groupId/enter
 */
import * as z from 'zod'
import {
  displayNameSchema,
  rowId,
  shownText,
  type InvitationResponse,
  type JoinResponse,
} from './api.ts'
import { checklistVersionIds } from './domain/checklist-versions.ts'
import { findOfficialOrganisation } from './domain/municipalities.ts'
import { meetingKinds, type MeetingKind } from './domain/meeting-kind.ts'
import { GroupMemberRole, OrganisationKind } from './domain/organisation.ts'
import { roundTracks, type RoundTrack } from './domain/round-track.ts'
import type { Role } from './roles.ts'

// ── The round lead and their session ───────────────────────────────────────────

/** Who is signed in as round lead; `cohortId` null: every round (may create rounds). */
export interface RoundLead {
  id: string
  displayName: string
  cohortId: string | null
}

const leadToken = z.string().trim().min(16).max(200)

/** `POST /api/lead/join`: a one-time round lead invitation and the name to show. */
export const leadJoinRequestSchema = z.object({ token: leadToken, displayName: displayNameSchema })
export type LeadJoinRequest = z.infer<typeof leadJoinRequestSchema>

/** `GET /api/lead/session`; `POST /api/lead/join` adds `session` (for `Authorization: Bearer`). */
export interface LeadSessionResponse {
  lead: RoundLead
  session?: string
}

/**
 * `POST /api/lead/invitations` (all-rounds leads only): a one-time link for another round
 * lead, over one round (`cohortId`) or all (`cohortId` null or left out).
 */
export const leadInvitationRequestSchema = z.object({
  cohortId: rowId.nullable().optional(),
  days: z.number().int().min(1).max(30).optional(),
})
export type LeadInvitationRequest = z.infer<typeof leadInvitationRequestSchema>

export interface LeadInvitationResponse {
  /** The token, shown only this once (the database keeps its hash). */
  invite: string
  /** PUBLIC_URL + '/leda#' + invite */
  url: string
  /** ISO 8601 */
  expiresAt: string
}

// ── Rounds ─────────────────────────────────────────────────────────────────────

/** A real calendar date, YYYY-MM-DD. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`)
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
  }, 'not a date in the calendar')

const year = z.number().int().min(2000).max(2100)
const meetingKind = z.enum(meetingKinds as [MeetingKind, ...MeetingKind[]])

/** One meeting of a round's plan, in order: its kind and the date the groups start from. */
const meetingPlanEntrySchema = z.object({
  kind: meetingKind,
  date: isoDate.nullable(),
})
export type MeetingPlanEntry = z.infer<typeof meetingPlanEntrySchema>

const roundFields = {
  name: shownText(120).pipe(z.string().min(1, 'give the round a name')),
  track: z.enum(roundTracks as [RoundTrack, ...RoundTrack[]]),
  startYear: year,
  endYear: year,
  checklistVersion: z
    .string()
    .refine((id) => checklistVersionIds.includes(id), `one of ${checklistVersionIds.join(', ')}`),
  meetingPlan: z.array(meetingPlanEntrySchema).min(1, 'at least one meeting').max(20),
}

const yearsInOrder = (
  value: { startYear?: number | undefined; endYear?: number | undefined },
  context: z.RefinementCtx,
) => {
  if (value.startYear === undefined || value.endYear === undefined) return
  if (value.endYear < value.startYear)
    context.addIssue({ code: 'custom', path: ['endYear'], message: 'before startYear' })
  else if (value.endYear - value.startYear > 5)
    context.addIssue({ code: 'custom', path: ['endYear'], message: 'more than 5 years after' })
}

/** `POST /api/rounds` (all-rounds leads): a new round. */
export const roundInputSchema = z.object(roundFields).superRefine(yearsInOrder)
export type RoundInput = z.infer<typeof roundInputSchema>

/**
 * `PATCH /api/rounds/:cohortId`: only the fields sent change. The meeting plan is what new
 * groups start from; the groups already made keep their meetings. `checklistVersion` cannot
 * change once the round has groups (409): their workspaces are scored on the one they have.
 * `startYear` and `endYear` are checked together against the stored ones.
 */
export const roundPatchSchema = z.object(roundFields).partial().superRefine(yearsInOrder)
export type RoundPatch = z.infer<typeof roundPatchSchema>

/**
 * `POST /api/rounds/:cohortId/copy` (all-rounds leads): the next round, with every group's
 * name, organisations and meetings (the plan's, dates moved by the years between the rounds;
 * no hosts), and no content: no workspace text, members or invitations. Organisations named
 * in `mentorOrganisationIds` (members of the copied round's groups) are mentors of their
 * group's copy; the others keep their role.
 */
export const roundCopyInputSchema = z
  .object({
    name: roundFields.name,
    startYear: year,
    endYear: year,
    mentorOrganisationIds: z.array(rowId).max(200).optional(),
  })
  .superRefine(yearsInOrder)
export type RoundCopyInput = z.infer<typeof roundCopyInputSchema>

/** `GET /api/rounds`: the rounds the lead may see, newest first. */
export interface RoundSummary {
  id: string
  name: string
  track: RoundTrack
  startYear: number
  endYear: number
  checklistVersion: string
  meetingPlan: MeetingPlanEntry[]
  groupCount: number
  /** ISO 8601 */
  createdAt: string
  /**
   * ISO 8601: the latest of its groups' lastActivityAt (the rounds list's "Senaste
   * aktivitet"); null: nobody yet.
   */
  lastActivityAt: string | null
}

export interface RoundsResponse {
  rounds: RoundSummary[]
  /** The signed-in lead (their scope decides whether they may create rounds). */
  lead: RoundLead
}

// ── Groups of a round ──────────────────────────────────────────────────────────

/** Organisation kinds a round lead adds by hand (not on the official list). */
export const handAddedOrganisationKinds = [
  OrganisationKind.Kommunforbund,
  OrganisationKind.Stadsdel,
  OrganisationKind.Forvaltning,
] as const
export type HandAddedOrganisationKind = (typeof handAddedOrganisationKinds)[number]

const memberRoles = Object.values(GroupMemberRole) as [GroupMemberRole, ...GroupMemberRole[]]

/** A kommun's official code has four digits, a region's two (SCB's län code). */
const kommunCodePattern = /^\d{4}$/
const regionCodePattern = /^\d{2}$/

/**
 * One organisation of a group: either a municipality or region from the official list
 * (shared/domain/municipalities.ts), by its code (`municipalityCode`: 4 digits a kommun, 2 a
 * region; the list's name is used, a `name` sent with it is ignored), or one added by hand (`name` and `kind`: kommunförbund, stadsdel, förvaltning). The server
 * finds the organisation by code, or by kind and name, and creates it the first time.
 */
const organisationChoiceSchema = z
  .object({
    municipalityCode: z.string().trim().optional(),
    name: shownText(120).optional(),
    kind: z.enum(handAddedOrganisationKinds).optional(),
    memberRole: z.enum(memberRoles),
  })
  .superRefine((choice, context) => {
    if (choice.municipalityCode !== undefined) {
      const code = choice.municipalityCode
      if (!kommunCodePattern.test(code) && !regionCodePattern.test(code))
        context.addIssue({
          code: 'custom',
          path: ['municipalityCode'],
          message: '4 digits (kommun) or 2 digits (region)',
        })
      else if (!findOfficialOrganisation(code))
        context.addIssue({
          code: 'custom',
          path: ['municipalityCode'],
          message: 'no kommun or region has this code',
        })
      if (choice.kind !== undefined)
        context.addIssue({
          code: 'custom',
          path: ['kind'],
          message: 'leave out for an organisation from the official list',
        })
      return
    }
    if (!choice.name)
      context.addIssue({ code: 'custom', path: ['name'], message: 'a name or a municipalityCode' })
    if (choice.kind === undefined)
      context.addIssue({
        code: 'custom',
        path: ['kind'],
        message: `${handAddedOrganisationKinds.join(', ')} for one added by hand`,
      })
  })
export type OrganisationChoice = z.infer<typeof organisationChoiceSchema>

/**
 * One meeting of a group: its kind, date and host (`hostIndex`: the position of the host in
 * the request's `organisations`). With `id` (PATCH only) an existing meeting gets the date and
 * host; without, a new meeting is added after the others, its workspace structure made.
 */
const groupMeetingInputSchema = z.object({
  id: rowId.optional(),
  kind: meetingKind,
  date: isoDate.nullable().optional(),
  hostIndex: z.number().int().min(0).nullable().optional(),
})
export type GroupMeetingInput = z.infer<typeof groupMeetingInputSchema>

const groupFields = {
  name: shownText(120).pipe(z.string().min(1, 'give the group a name')),
  organisations: z.array(organisationChoiceSchema).min(2).max(12),
  meetings: z.array(groupMeetingInputSchema).max(30),
}

type GroupShape = {
  organisations?: OrganisationChoice[] | undefined
  meetings?: GroupMeetingInput[] | undefined
}

const keyOf = (choice: OrganisationChoice): string =>
  choice.municipalityCode !== undefined
    ? `code:${choice.municipalityCode}`
    : `${choice.kind}:${(choice.name ?? '').toLocaleLowerCase('sv')}`

/** Each organisation once, a mentor and a benchmarking one, hosts among them. */
const groupRules = (group: GroupShape, context: z.RefinementCtx) => {
  const { organisations, meetings } = group
  if (organisations) {
    const seen = new Set<string>()
    organisations.forEach((choice, index) => {
      const key = keyOf(choice)
      if (seen.has(key))
        context.addIssue({
          code: 'custom',
          path: ['organisations', index],
          message: 'listed twice',
        })
      seen.add(key)
    })
    const roles = new Set(organisations.map((choice) => choice.memberRole))
    if (!roles.has(GroupMemberRole.Mentor))
      context.addIssue({ code: 'custom', path: ['organisations'], message: 'no mentor' })
    if (!roles.has(GroupMemberRole.Benchmarking))
      context.addIssue({
        code: 'custom',
        path: ['organisations'],
        message: 'no benchmarking organisation',
      })
  }
  meetings?.forEach((meeting, index) => {
    if (meeting.hostIndex === undefined || meeting.hostIndex === null) return
    if (!organisations)
      context.addIssue({
        code: 'custom',
        path: ['meetings', index, 'hostIndex'],
        message: 'send organisations with it',
      })
    else if (meeting.hostIndex >= organisations.length)
      context.addIssue({
        code: 'custom',
        path: ['meetings', index, 'hostIndex'],
        message: 'not a position in organisations',
      })
  })
}

/**
 * `POST /api/rounds/:cohortId/groups`: a group with its organisations and meetings. Without
 * `meetings`, the round's meeting plan with its dates (no hosts). A meeting with an `id` is
 * a 400 here.
 */
export const groupInputSchema = z
  .object({ ...groupFields, meetings: groupFields.meetings.optional() })
  .superRefine((group, context) => {
    groupRules(group, context)
    group.meetings?.forEach((meeting, index) => {
      if (meeting.id !== undefined)
        context.addIssue({
          code: 'custom',
          path: ['meetings', index, 'id'],
          message: 'a new group has no meetings yet',
        })
    })
  })
export type GroupInput = z.infer<typeof groupInputSchema>

/**
 * `PATCH /api/rounds/:cohortId/groups/:groupId`: only the fields sent change. `organisations`
 * replaces the list (one still named by a member of the group cannot go: 409); `meetings`
 * updates those with an `id` (date, host; not the kind) and adds those without. Meetings left
 * out stay as they are (a meeting is removed or archived from the group's own pages).
 */
export const groupPatchSchema = z.object(groupFields).partial().superRefine(groupRules)
export type GroupPatch = z.infer<typeof groupPatchSchema>

/** `POST /api/rounds/:cohortId/groups/:groupId/invitations`: the first facilitator's link. */
export const groupInvitationRequestSchema = z.object({
  days: z.number().int().min(1).max(90).optional(),
  maxUses: z.number().int().min(1).max(20).optional(),
  /** The organisation (of the group) the facilitator belongs to, usually the mentor. */
  organisationId: rowId.optional(),
})
export type GroupInvitationRequest = z.infer<typeof groupInvitationRequestSchema>

interface RoundOrganisation {
  id: string
  name: string
  kind: OrganisationKind
  municipalityCode: string | null
  memberRole: GroupMemberRole
}

interface RoundMeeting {
  id: string
  kind: MeetingKind
  sequence: number
  /** YYYY-MM-DD */
  date: string | null
  hostOrganisationId: string | null
  /** ISO 8601 when a facilitator archived it (still in the plan, not coming); else null. */
  archivedAt?: string | null
}

export interface RoundGroup {
  id: string
  name: string
  room: string
  /** In the order the round lead gave them. */
  organisations: RoundOrganisation[]
  meetings: RoundMeeting[]
  /** Current members (removed ones not counted) per role. */
  memberCounts: Record<Role, number>
  /** ISO 8601: when a member last connected or left; null: nobody yet. */
  lastActivityAt: string | null
}

/** `GET /api/rounds/:cohortId`, and the answer to every change of a round or its groups. */
export interface RoundDetail extends RoundSummary {
  groups: RoundGroup[]
}

/** `…/groups/:groupId/invitations` answers a group invitation: the link is shown this once. */
export type GroupInvitationResponse = InvitationResponse

/**
 * `…/groups/:groupId/enter`: the lead is a facilitator of the group (one member per lead and
 * group, the same on every entry) with the group's session cookie, as after a join.
 */
export type EnterGroupResponse = JoinResponse

/** The ids in the rounds' paths, checked before they reach the database. */
export const roundParamsSchema = z.object({ cohortId: rowId })
export const roundGroupParamsSchema = z.object({ cohortId: rowId, groupId: rowId })
