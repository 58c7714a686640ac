import type * as Y from 'yjs'
import { Role } from '../../shared/roles.ts'
import { makePolicyView } from '../../shared/workspace/write-policy-view.ts'
import { mayWrite, writeTargetOf, type WriteRefusal } from '../../shared/workspace/write-policy.ts'
import type { Touch } from './update-gate.ts'

/**
 * The first refusal the write policy (shared/workspace/write-policy.ts) gives for what an
 * update touches, judged against the room's document before the update is applied; null
 * when every touch is allowed.
 */
export function writeRefusal(
  doc: Y.Doc,
  writer: { role: Role; participantId: string },
  touches: readonly Touch[],
): WriteRefusal | null {
  if (writer.role === Role.Facilitator || touches.length === 0) return null
  const view = makePolicyView(doc)
  for (const touch of touches) {
    const decision = mayWrite(writer, writeTargetOf(touch.path, touch.value), view)
    if (!decision.allowed) return decision.reason
  }
  return null
}
