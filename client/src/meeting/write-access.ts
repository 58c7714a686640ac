import { createSignal, onCleanup } from 'solid-js'
import type * as Y from 'yjs'
import type { ChecklistPhase } from '../../../shared/domain/checklist.ts'
import { checklistKey } from '../../../shared/workspace/checklist.ts'
import { Role } from '../../../shared/roles.ts'
import { controlKey, controlOf, type Lock } from '../../../shared/workspace/control.ts'
import { meetingsOf, pdsaPlansOf } from '../../../shared/workspace/document.ts'
import { handKey } from '../../../shared/workspace/hands.ts'
import { makePolicyView } from '../../../shared/workspace/write-policy-view.ts'
import {
  mayWrite,
  writeTargetOf,
  type WriteDecision,
  type Writer,
} from '../../../shared/workspace/write-policy.ts'

/** The paths of the workspace the board's controls write, as the write policy reads them. */
export const writePath = {
  agenda: (meetingId: string) => ['meetings', meetingId, 'agenda'],
  matrix: (meetingId: string) => ['meetings', meetingId, 'questions'],
  notes: (meetingId: string) => ['meetings', meetingId, 'notes'],
  plan: (planId: string) => ['pdsaPlans', planId],
  checklist: (organisationId: string, phase: ChecklistPhase, itemId: string) => [
    'checklistScores',
    checklistKey(organisationId, phase, itemId),
  ],
  control: (meetingId: string) => ['control', controlKey(meetingId, 'led')],
  hand: (meetingId: string, participantId: string) => ['hands', handKey(meetingId, participantId)],
} as const

export interface WriteAccess {
  /** The write policy's answer for a path, recomputed when locks or structure change. */
  decide(path: readonly string[]): WriteDecision
  /** Shorthand: whether the member may change what is at the path. */
  may(path: readonly string[]): boolean
  /** The lock that keeps participants out of a path (shown to everyone, facilitators too). */
  lockOn(path: readonly string[]): Lock | undefined
}

/**
 * The relay's own write policy (shared/workspace/write-policy.ts), read reactively: every
 * control asks it, so the board never offers what the relay would refuse and shows a
 * locked part as locked the moment the lock arrives. Only what the policy reads (the
 * control map's locks and scoring, the plans' meetings, the meetings' kinds) wakes it.
 */
export function createWriteAccess(doc: Y.Doc, writer: Writer): WriteAccess {
  const [version, setVersion] = createSignal(0)
  const bump = () => setVersion((v) => v + 1)
  const watched = [controlOf(doc), pdsaPlansOf(doc), meetingsOf(doc)] as Y.AbstractType<unknown>[]
  for (const type of watched) type.observe(bump)
  onCleanup(() => {
    for (const type of watched) type.unobserve(bump)
  })
  const decide = (path: readonly string[]): WriteDecision => {
    version()
    return mayWrite(writer, writeTargetOf(path), makePolicyView(doc))
  }
  const asParticipant: Writer = { role: Role.Participant, participantId: writer.participantId }
  const lockOn = (path: readonly string[]): Lock | undefined => {
    version()
    const decision = mayWrite(asParticipant, writeTargetOf(path), makePolicyView(doc))
    return decision.allowed ? undefined : decision.lock
  }
  return { decide, may: (path) => decide(path).allowed, lockOn }
}
