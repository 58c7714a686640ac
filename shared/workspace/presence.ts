import * as z from 'zod/mini'
import { participantFunctions, type ParticipantFunction } from '../domain/participant.ts'
import { roles, type Role } from '../roles.ts'
import { meetingParts, type MeetingPart } from './control.ts'

/** What each client publishes in Yjs awareness: who they are and which field they edit. */
export interface Presence {
  user: {
    participantId: string
    name: string
    organisationId: string | null
    function: ParticipantFunction | null
    role: Role
    colour: string
  }
  focus: { meetingId: string; field: string } | null
  /** The part of a meeting's board the person has open; whether they follow the facilitator. */
  view?: PresenceView | null
}

export interface PresenceView {
  meetingId: string
  part: MeetingPart
  following: boolean
}

const text = (max: number) => z.string().check(z.maxLength(max))
const colourSchema = z.string().check(z.regex(/^#[0-9a-f]{6}$/i))
const focusSchema = z.nullable(z.object({ meetingId: text(100), field: text(200) }))
const viewSchema = z.nullish(
  z.object({
    meetingId: text(100),
    part: z.enum(meetingParts),
    following: z.boolean(),
  }),
)

const presenceSchema = z.object({
  user: z.object({
    participantId: text(100),
    name: text(80),
    organisationId: z.nullable(text(100)),
    function: z.nullable(
      z.enum(participantFunctions as [ParticipantFunction, ...ParticipantFunction[]]),
    ),
    role: z.enum(roles as [Role, ...Role[]]),
    colour: colourSchema,
  }),
  focus: focusSchema,
  view: viewSchema,
})

/** Awareness comes from other clients: read it defensively. */
export const parsePresence = (value: unknown): Presence | null => {
  const parsed = presenceSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}

/** Who a connection is, from its session: the part of Presence no client may claim. */
export type PresenceIdentity = Omit<Presence['user'], 'colour'>

/**
 * The state the server lets through for what a client published: identity from the
 * session, whatever the client claimed; the client's own colour, focus and view when they are
 * valid (an invalid colour becomes the participant's usual one, an invalid focus none),
 * anything else dropped. So what others read always parses as a Presence.
 */
export function stampPresence(claimed: unknown, identity: PresenceIdentity): Presence {
  const fields = isRecord(claimed) ? claimed : {}
  const user = isRecord(fields.user) ? fields.user : {}
  const colour = colourSchema.safeParse(user.colour)
  const focus = focusSchema.safeParse(fields.focus)
  const view = viewSchema.safeParse(fields.view)
  return {
    user: { ...identity, colour: colour.success ? colour.data : colourFor(identity.participantId) },
    focus: focus.success ? focus.data : null,
    ...(view.success && view.data ? { view: view.data } : {}),
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Badge colours. Each has ≥ 4.5:1 contrast with white text (WCAG AA), so names on them
 * stay readable on a projector too.
 */
const presenceColours = [
  '#1f5fa8', // blue 6.6:1
  '#a23b2a', // brick 6.4:1
  '#2e6b34', // green 6.4:1
  '#7a3d8c', // purple 7.6:1
  '#8a4b00', // brown 6.5:1
  '#00607a', // teal 6.9:1
  '#a1246b', // magenta 6.5:1
  '#4a4f9e', // indigo 7.3:1
] as const

export function colourFor(participantId: string): string {
  let hash = 0
  for (let i = 0; i < participantId.length; i++)
    hash = (hash * 31 + participantId.charCodeAt(i)) >>> 0
  return presenceColours[hash % presenceColours.length] as string
}

/** Stable ids for the fields people focus, so others can see who is editing what. */
export const fieldId = {
  agendaTitle: (itemId: string) => `agenda:${itemId}:title`,
  matrixQuestion: (questionId: string) => `matrix:${questionId}:question`,
  matrixAnswer: (questionId: string, organisationId: string) =>
    `matrix:${questionId}:${organisationId}`,
  pdsaField: (planId: string, field: string) => `pdsa:${planId}:${field}`,
  checklistComment: (organisationId: string, itemId: string) =>
    `checklist:${organisationId}:${itemId}`,
  notes: () => 'notes',
}
