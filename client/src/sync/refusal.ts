import { z } from 'zod/mini'
import type { MessageKey } from '../../../shared/i18n/index.ts'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'
import {
  mayWrite,
  WriteRefusal,
  writeTargetOf,
  type PolicyView,
  type Writer,
  type WriteTarget,
} from '../../../shared/workspace/write-policy.ts'

/**
 * Closes after which this device holds a change the room never took (nothing of it was
 * stored or relayed): the write policy refused it, the update gate did, or the workspace
 * is full. Reconnecting would only send it again; the client throws its copy away.
 */
export const discardingCloseCodes: ReadonlySet<number> = new Set([
  CloseCode.WriteRefused,
  CloseCode.UpdateRefused,
  CloseCode.DocumentFull,
])

const writeRefusals = Object.values(WriteRefusal) as [WriteRefusal, ...WriteRefusal[]]
const lockedParts = ['plan', 'agenda', 'matrix', 'checklist', 'notes'] as const
type LockedPart = (typeof lockedParts)[number]

/** What the member is told after their copy was thrown away (kept over the reload). */
const refusalNoticeSchema = z.object({
  reason: z.enum([...writeRefusals, 'invalid', 'full', 'unknown']),
  part: z.optional(z.enum(lockedParts)),
  by: z.optional(z.string().check(z.maxLength(80))),
})
export type RefusalNotice = z.infer<typeof refusalNoticeSchema>
export type RefusalReason = RefusalNotice['reason']

/** Why the relay closed the connection, when it closed it over a refused change. */
export function refusalReasonOf(code: number, reason: string): RefusalReason | null {
  if (code === CloseCode.DocumentFull) return 'full'
  if (code === CloseCode.UpdateRefused) return 'invalid'
  if (code !== CloseCode.WriteRefused) return null
  return (writeRefusals as string[]).includes(reason) ? (reason as WriteRefusal) : 'unknown'
}

const lockedPartOf = (target: WriteTarget): LockedPart | undefined => {
  switch (target.area) {
    case 'pdsa':
      return 'plan'
    case 'agenda':
    case 'matrix':
    case 'checklist':
    case 'notes':
      return target.area
    default:
      return undefined
  }
}

/**
 * Names what was locked and by whom: the relay says only "locked", so the member's own
 * recent changes (newest first) are judged by the same policy against the room's locks.
 */
export function explainRefusal(
  reason: RefusalReason,
  writer: Writer,
  recentPaths: readonly (readonly string[])[],
  view: PolicyView,
): RefusalNotice {
  if (reason !== WriteRefusal.Locked) return { reason }
  for (const path of recentPaths) {
    const target = writeTargetOf(path)
    const decision = mayWrite(writer, target, view)
    if (!decision.allowed && decision.reason === WriteRefusal.Locked && decision.lock) {
      const part = lockedPartOf(target)
      return part
        ? { reason, part, by: decision.lock.byName }
        : { reason, by: decision.lock.byName }
    }
  }
  return { reason }
}

const reasonKeys: Record<RefusalReason, MessageKey> = {
  'read-only': 'refused.readOnly',
  'facilitators-only': 'refused.facilitatorsOnly',
  locked: 'refused.lockedUnknown',
  sealed: 'refused.sealed',
  'not-yours': 'refused.notYours',
  invalid: 'refused.invalid',
  full: 'refused.full',
  unknown: 'refused.generic',
}

const partKeys: Record<LockedPart, MessageKey> = {
  plan: 'refused.part.plan',
  agenda: 'refused.part.agenda',
  matrix: 'refused.part.matrix',
  checklist: 'refused.part.checklist',
  notes: 'refused.part.notes',
}

/** The sentence shown after the reload, e.g. "… planen är låst av Anna. Tavlan visar nu …". */
export function refusalText(
  notice: RefusalNotice,
  t: (key: MessageKey, values?: Record<string, string | number>) => string,
): string {
  const first =
    notice.reason === WriteRefusal.Locked && notice.by
      ? t('refused.locked', {
          what: t(notice.part ? partKeys[notice.part] : 'refused.part.some'),
          name: notice.by,
        })
      : t(reasonKeys[notice.reason])
  return `${first} ${t('refused.after')}`
}

const storageKey = (room: string) => `modellrummet:refused:${room}`

/** Keeps the notice over the page reload that follows a refusal. */
export function saveRefusal(storage: Storage, room: string, notice: RefusalNotice): void {
  storage.setItem(storageKey(room), JSON.stringify(notice))
}

/** The notice saved before the reload, once (read defensively: it is this tab's storage). */
export function takeRefusal(storage: Storage, room: string): RefusalNotice | null {
  const raw = storage.getItem(storageKey(room))
  if (raw === null) return null
  storage.removeItem(storageKey(room))
  try {
    const parsed = refusalNoticeSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
