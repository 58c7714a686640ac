import type * as Y from 'yjs'
import { checklistPhaseFor } from '../domain/checklist.ts'
import { isMeetingKind } from '../domain/meeting-kind.ts'
import { controlOf, lockSchema, readControlField, readLock, type Lock } from './control.ts'
import { meetingsOf, asMap, pdsaPlansOf, stringOf } from './document.ts'
import type { PolicyView } from './write-policy.ts'

/**
 * The write policy's view of a workspace's current state, read from the document on
 * demand: the relay makes one per update it judges, the client one per render.
 */
export function makePolicyView(doc: Y.Doc): PolicyView {
  const lockOf: PolicyView['lockOf'] = (meetingId, scope) => readLock(doc, meetingId, scope)
  return {
    lockOf,
    planLock(planId) {
      const suffix = `|lock|plan:${planId}`
      let found: Lock | undefined
      controlOf(doc).forEach((value, key) => {
        if (found || !key.endsWith(suffix)) return
        const parsed = lockSchema.safeParse(value)
        if (parsed.success) found = parsed.data
      })
      if (found) return found
      const plan = asMap(pdsaPlansOf(doc).get(planId))
      const meetingId = plan && stringOf(plan, 'plannedAtMeetingId')
      return meetingId ? lockOf(meetingId, 'meeting') : undefined
    },
    meetingsInPhase(phase) {
      const ids: string[] = []
      meetingsOf(doc).forEach((meeting, meetingId) => {
        const kind = asMap(meeting)?.get('kind')
        if (isMeetingKind(kind) && checklistPhaseFor(kind) === phase) ids.push(meetingId)
      })
      return ids
    },
    // Only the field it needs: the whole control state parses every field and lock.
    scoringOpen: (meetingId) => readControlField(doc, meetingId, 'scoring')?.state === 'open',
  }
}
