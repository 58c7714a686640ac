import { Role } from '../roles.ts'
import { parseControlKey, type Lock, type LockScope } from './control.ts'
import { parseHandKey } from './hands.ts'

/**
 * Who may change what in a group's workspace. One pure function, used by the relay on
 * every member update (by the paths the update gate found it touches) and by the client
 * to show only the controls a person may use, so the two never disagree.
 *
 * Viewers write nothing. Facilitators write everything. Participants write the content
 * (agenda, matrix, a stored meeting's notes, checklist, PDSA plans) but not the meeting's structure or
 * control state, not a locked part, not a checklist phase whose scores are sealed, and of
 * the hands only their own.
 */
export type WriteTarget =
  | { readonly area: 'structure' }
  | { readonly area: 'control'; readonly meetingId: string }
  | { readonly area: 'hand'; readonly meetingId: string; readonly participantId: string }
  | { readonly area: 'agenda' | 'matrix' | 'notes'; readonly meetingId: string }
  | { readonly area: 'checklist'; readonly organisationId: string; readonly phase: string }
  | {
      readonly area: 'pdsa'
      readonly planId: string
      /** Set when the write names the meeting a (new) plan is planned at. */
      readonly plannedAtMeetingId?: string
    }

export const WriteRefusal = {
  ReadOnly: 'read-only',
  FacilitatorsOnly: 'facilitators-only',
  Locked: 'locked',
  Sealed: 'sealed',
  NotYours: 'not-yours',
} as const
export type WriteRefusal = (typeof WriteRefusal)[keyof typeof WriteRefusal]

export type WriteDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: WriteRefusal; readonly lock?: Lock }

export interface Writer {
  readonly role: Role
  readonly participantId: string
}

/** What the policy needs to know of the workspace's current state (write-policy-view.ts). */
export interface PolicyView {
  lockOf(meetingId: string, scope: LockScope): Lock | undefined
  /** A lock on the plan in any meeting, or on the whole meeting it was planned at. */
  planLock(planId: string): Lock | undefined
  /** The meetings scored in a checklist phase. */
  meetingsInPhase(phase: string): readonly string[]
  /** Whether a sealed scoring round is open in the meeting. */
  scoringOpen(meetingId: string): boolean
}

/**
 * The part of the workspace a path (map keys from a root type) belongs to; `value` is what
 * a key is set to, where it matters (a new plan's meeting, whose lock covers it).
 */
export function writeTargetOf(path: readonly string[], value?: unknown): WriteTarget {
  const [root, key, part] = path
  switch (root) {
    case 'meetings': {
      if (!key) return { area: 'structure' }
      if (part === 'agenda') return { area: 'agenda', meetingId: key }
      if (part === 'questions' || part === 'answers') return { area: 'matrix', meetingId: key }
      // No meeting is created with notes any more, but stored documents have them: writes to
      // them are judged like the meeting's other content.
      if (part === 'notes') return { area: 'notes', meetingId: key }
      return { area: 'structure' }
    }
    case 'checklistScores':
    case 'checklistComments': {
      const [organisationId, phase] = (key ?? '').split('|')
      return organisationId && phase
        ? { area: 'checklist', organisationId, phase }
        : { area: 'structure' }
    }
    case 'pdsaPlans': {
      if (!key) return { area: 'structure' }
      return part === 'plannedAtMeetingId' && typeof value === 'string'
        ? { area: 'pdsa', planId: key, plannedAtMeetingId: value }
        : { area: 'pdsa', planId: key }
    }
    case 'control': {
      const parsed = key ? parseControlKey(key) : null
      return parsed ? { area: 'control', meetingId: parsed.meetingId } : { area: 'structure' }
    }
    case 'hands': {
      const parsed = key ? parseHandKey(key) : null
      return parsed ? { area: 'hand', ...parsed } : { area: 'structure' }
    }
    default:
      return { area: 'structure' }
  }
}

const allowed: WriteDecision = { allowed: true }
const refused = (reason: WriteRefusal, lock?: Lock): WriteDecision =>
  lock ? { allowed: false, reason, lock } : { allowed: false, reason }

export function mayWrite(writer: Writer, target: WriteTarget, view: PolicyView): WriteDecision {
  if (writer.role === Role.Viewer) return refused(WriteRefusal.ReadOnly)
  if (writer.role === Role.Facilitator) return allowed
  switch (target.area) {
    case 'structure':
    case 'control':
      return refused(WriteRefusal.FacilitatorsOnly)
    case 'hand':
      return target.participantId === writer.participantId
        ? allowed
        : refused(WriteRefusal.NotYours)
    case 'agenda':
    case 'matrix':
    case 'notes': {
      const lock =
        view.lockOf(target.meetingId, 'meeting') ??
        (target.area === 'notes' ? undefined : view.lockOf(target.meetingId, target.area))
      return lock ? refused(WriteRefusal.Locked, lock) : allowed
    }
    case 'checklist': {
      for (const meetingId of view.meetingsInPhase(target.phase)) {
        const lock = view.lockOf(meetingId, 'meeting') ?? view.lockOf(meetingId, 'checklist')
        if (lock) return refused(WriteRefusal.Locked, lock)
        if (view.scoringOpen(meetingId)) return refused(WriteRefusal.Sealed)
      }
      return allowed
    }
    case 'pdsa': {
      // A plan that does not exist yet has no lock of its own: its meeting's lock covers it.
      const lock =
        view.planLock(target.planId) ??
        (target.plannedAtMeetingId ? view.lockOf(target.plannedAtMeetingId, 'meeting') : undefined)
      return lock ? refused(WriteRefusal.Locked, lock) : allowed
    }
  }
}
