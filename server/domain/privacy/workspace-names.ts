import type * as Y from 'yjs'
import { ERASED_DISPLAY_NAME } from '../../../shared/domain/display-name.ts'
import { controlOf, lockSchema } from '../../../shared/workspace/control.ts'

/**
 * The workspace keeps one name as authorship: who locked a part of a meeting (a lock's
 * `byName`, shown as "Låst av Anna"). An erased person's locks keep their lock and id but
 * lose the name. Names typed into the content are the group's content and stay.
 */
export function anonymiseLocks(doc: Y.Doc, participantId: string): number {
  const control = controlOf(doc)
  const mine: [string, ReturnType<typeof lockSchema.parse>][] = []
  control.forEach((value, key) => {
    if (!key.includes('|lock|')) return
    const parsed = lockSchema.safeParse(value)
    if (
      parsed.success &&
      parsed.data.byParticipantId === participantId &&
      parsed.data.byName !== ERASED_DISPLAY_NAME
    )
      mine.push([key, parsed.data])
  })
  if (mine.length > 0)
    doc.transact(() => {
      for (const [key, lock] of mine) control.set(key, { ...lock, byName: ERASED_DISPLAY_NAME })
    })
  return mine.length
}
