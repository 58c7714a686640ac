import type * as Y from 'yjs'
// zod/mini: the same checks in a fraction of the client's initial JS (ARCHITECTURE.md,
// "Client performance"): the board reads this at every load.
import * as z from 'zod/mini'

/**
 * A meeting's control state: what the facilitator leads with. It lives in the root map
 * `control` under flat keys `<meetingId>|<field>` (no nested types, so two facilitators
 * never race to create one), each value a plain object the schema validates. Only
 * facilitators write it; the relay enforces that (write-policy.ts).
 */
export const MeetingPart = {
  Agenda: 'agenda',
  Matrix: 'matrix',
  Pdsa: 'pdsa',
  Checklist: 'checklist',
  Results: 'results',
} as const
export type MeetingPart = (typeof MeetingPart)[keyof typeof MeetingPart]
export const meetingParts = Object.values(MeetingPart) as [MeetingPart, ...MeetingPart[]]

const id = z.string().check(z.minLength(1), z.maxLength(200))

const spotlightSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('question'), id }),
  z.object({ kind: z.literal('plan'), id }),
  z.object({ kind: z.literal('checklistItem'), id }),
])
export type Spotlight = z.infer<typeof spotlightSchema>

/**
 * A shared countdown on the server's clock: running, it ends at `endsAt` (server epoch
 * ms; every client knows its offset from the server); paused, `remainingMs` are left.
 */
export const timerSchema = z.object({
  state: z.enum(['running', 'paused']),
  endsAt: z.number(),
  remainingMs: z.number(),
  durationMs: z.number().check(z.minimum(0), z.maximum(24 * 60 * 60 * 1000)),
  label: z.nullable(z.string().check(z.maxLength(200))),
  agendaItemId: z.nullable(id),
  sound: z.boolean(),
})
export type MeetingTimer = z.infer<typeof timerSchema>

export const lockSchema = z.object({
  byParticipantId: id,
  byName: z.string().check(z.maxLength(80)),
  at: z.number(),
})
export type Lock = z.infer<typeof lockSchema>

/** What can be locked: a part of a meeting, the whole meeting, or one PDSA plan. */
export type LockScope = 'meeting' | 'agenda' | 'matrix' | 'checklist' | `plan:${string}`
const lockScopeSchema = z.union([
  z.enum(['meeting', 'agenda', 'matrix', 'checklist']),
  z.string().check(z.regex(/^plan:[^|]{1,200}$/)) as z.ZodMiniType<`plan:${string}`>,
])

/** A sealed checklist scoring round: scores are kept on the server until the reveal. */
const scoringSchema = z.object({
  roundId: id,
  state: z.enum(['open', 'revealed']),
  openedAt: z.number(),
})
export type ScoringRound = z.infer<typeof scoringSchema>

/** "Ta alla hit": a counter the facilitator bumps; followers who stopped follow again. */
const summonSchema = z.object({ count: z.int().check(z.minimum(0)), at: z.number() })

/**
 * The join link the projector shows as a QR code: a time-limited participant invitation a
 * facilitator made (POST /api/rooms/:room/invitations). Every member can read it, so it
 * is as public as the projector's screen; a facilitator hides it by setting null.
 */
const joinLinkSchema = z.object({
  url: z.url({ protocol: /^https?$/ }).check(z.maxLength(500)),
  expiresAt: z.number(),
})
export type JoinLink = z.infer<typeof joinLinkSchema>

/** The fields of a meeting's control state and the schema of each one's value. */
export const controlFields = {
  led: z.boolean(),
  part: z.enum(meetingParts),
  agendaItem: z.nullable(id),
  spotlight: z.nullable(spotlightSchema),
  timer: z.nullable(timerSchema),
  scoring: z.nullable(scoringSchema),
  summon: summonSchema,
  joinLink: z.nullable(joinLinkSchema),
} as const
export type ControlField = keyof typeof controlFields

/** Whether a value may stand at a `control` key (the update gate's schema check). */
export function isControlEntry(key: string, value: unknown): boolean {
  const parsed = parseControlKey(key)
  if (!parsed) return false
  if (parsed.kind === 'lock') return value === null || lockSchema.safeParse(value).success
  return controlFields[parsed.field].safeParse(value).success
}

export type ControlKey =
  | { kind: 'field'; meetingId: string; field: ControlField }
  | { kind: 'lock'; meetingId: string; scope: LockScope }

export function parseControlKey(key: string): ControlKey | null {
  const [meetingId, field, scope, ...rest] = key.split('|')
  if (!meetingId || !field || rest.length > 0) return null
  if (field === 'lock') {
    return lockScopeSchema.safeParse(scope).success
      ? { kind: 'lock', meetingId, scope: scope as LockScope }
      : null
  }
  if (scope !== undefined || !(field in controlFields)) return null
  return { kind: 'field', meetingId, field: field as ControlField }
}

export const controlKey = (meetingId: string, field: ControlField): string =>
  `${meetingId}|${field}`
export const lockKey = (meetingId: string, scope: LockScope): string => `${meetingId}|lock|${scope}`

export const controlOf = (doc: Y.Doc) => doc.getMap<unknown>('control')

export interface MeetingControl {
  led: boolean
  part: MeetingPart | null
  agendaItemId: string | null
  spotlight: Spotlight | null
  timer: MeetingTimer | null
  scoring: ScoringRound | null
  summon: { count: number; at: number }
  joinLink: JoinLink | null
  locks: Partial<Record<LockScope, Lock>>
}

/**
 * A stored control value read defensively: one that does not fit its schema reads as
 * absent. An absent one (the usual case) is not handed to zod, whose failed parse builds an
 * error each time: the relay's write policy reads locks and fields on every member's edit.
 */
function readStored<T>(
  schema: { safeParse(value: unknown): { success: boolean; data?: T } },
  value: unknown,
): T | undefined {
  if (value === undefined) return undefined
  const parsed = schema.safeParse(value)
  return parsed.success ? parsed.data : undefined
}

/** One control field of a meeting (absent, or not of its kind: undefined). */
export function readControlField<F extends ControlField>(
  doc: Y.Doc,
  meetingId: string,
  field: F,
): z.infer<(typeof controlFields)[F]> | undefined {
  const value = controlOf(doc).get(controlKey(meetingId, field))
  return readStored<unknown>(controlFields[field], value) as
    z.infer<(typeof controlFields)[F]> | undefined
}

/** A meeting's lock of one scope (absent, or not a lock: undefined). */
export const readLock = (doc: Y.Doc, meetingId: string, scope: LockScope): Lock | undefined =>
  readStored(lockSchema, controlOf(doc).get(lockKey(meetingId, scope)))

/** A meeting's control state, read defensively (a bad entry reads as absent). */
export function readMeetingControl(doc: Y.Doc, meetingId: string): MeetingControl {
  const locks: Partial<Record<LockScope, Lock>> = {}
  const prefix = `${meetingId}|lock|`
  controlOf(doc).forEach((value, key) => {
    if (!key.startsWith(prefix)) return
    const parsed = lockSchema.safeParse(value)
    const scope = key.slice(prefix.length)
    if (parsed.success && lockScopeSchema.safeParse(scope).success)
      locks[scope as LockScope] = parsed.data
  })
  return {
    led: readControlField(doc, meetingId, 'led') ?? false,
    part: readControlField(doc, meetingId, 'part') ?? null,
    agendaItemId: readControlField(doc, meetingId, 'agendaItem') ?? null,
    spotlight: readControlField(doc, meetingId, 'spotlight') ?? null,
    timer: readControlField(doc, meetingId, 'timer') ?? null,
    scoring: readControlField(doc, meetingId, 'scoring') ?? null,
    summon: readControlField(doc, meetingId, 'summon') ?? { count: 0, at: 0 },
    joinLink: readControlField(doc, meetingId, 'joinLink') ?? null,
    locks,
  }
}

/** Sets control fields of a meeting in one transaction (facilitators only). */
export function setMeetingControl(
  doc: Y.Doc,
  meetingId: string,
  patch: { [F in ControlField]?: z.infer<(typeof controlFields)[F]> },
): void {
  doc.transact(() => {
    for (const [field, value] of Object.entries(patch)) {
      if (value !== undefined)
        controlOf(doc).set(controlKey(meetingId, field as ControlField), value)
    }
  })
}

/** Locks (with who and when) or unlocks a scope of a meeting. */
export function setLock(doc: Y.Doc, meetingId: string, scope: LockScope, lock: Lock | null): void {
  doc.transact(() => {
    if (lock) controlOf(doc).set(lockKey(meetingId, scope), lock)
    else controlOf(doc).delete(lockKey(meetingId, scope))
  })
}

/** Remaining milliseconds of a timer at server time `serverNow` (negative: over time). */
export function timerRemainingMs(timer: MeetingTimer, serverNow: number): number {
  return timer.state === 'running' ? timer.endsAt - serverNow : timer.remainingMs
}
