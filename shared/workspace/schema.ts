import { isChecklistScore } from '../domain/checklist.ts'
import { meetingKinds } from '../domain/meeting-kind.ts'
import { pdsaDecisions, pdsaStatuses, pdsaTextFields } from '../domain/pdsa.ts'
import { resultsChainLevels } from '../domain/results-chain.ts'
import { isControlEntry } from './control.ts'
import { SCHEMA_VERSION } from './document.ts'
import { isHandEntry } from './hands.ts'

/**
 * The workspace's shape, as data: what kind of value belongs at each path of map keys from
 * a root type. The relay's update gate refuses an update that puts anything else at a
 * known path (a number where a PDSA plan map belongs made the PDSA tab hang for every
 * member), or anything at all at an unknown one. Readers in this folder are defensive as
 * well; this keeps bad values from being stored in the first place.
 */
export type Slot =
  | {
      readonly kind: 'map'
      readonly keys?: Readonly<Record<string, Slot>>
      readonly entries?: Slot
    }
  | { readonly kind: 'text' }
  /** A plain value; `accepts` sees the key too (control and hand entries encode it). */
  | { readonly kind: 'value'; readonly accepts: (value: unknown, key: string) => boolean }

/** Longest map key a client may create (ids are UUIDs; checklist keys join three ids). */
const MAX_KEY_LENGTH = 200
/** Longest string value (ids, enum values) outside texts. */
const MAX_STRING_LENGTH = 200
/** Organisations in one meeting's matrix: benchmarking ones, mentors, a margin. */
const MAX_ORGANISATIONS = 12

const value = (accepts: (value: unknown, key: string) => boolean): Slot => ({
  kind: 'value',
  accepts,
})
const text: Slot = { kind: 'text' }
const map = (keys: Record<string, Slot>): Slot => ({ kind: 'map', keys })
const entries = (slot: Slot): Slot => ({ kind: 'map', entries: slot })

const isId = (v: unknown): boolean => typeof v === 'string' && v.length <= MAX_STRING_LENGTH
const isFinite = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v)
const isNonNegative = (v: unknown): boolean => isFinite(v) && (v as number) >= 0
const nullOr =
  (test: (v: unknown) => boolean) =>
  (v: unknown): boolean =>
    v === null || test(v)
const oneOf =
  (values: readonly unknown[]) =>
  (v: unknown): boolean =>
    values.includes(v)
const isIdList = (v: unknown): boolean =>
  Array.isArray(v) && v.length <= MAX_ORGANISATIONS && v.every(isId)

const agendaItem = map({
  title: text,
  minutes: value(isNonNegative),
  responsibleOrganisationId: value(nullOr(isId)),
  done: value((v) => typeof v === 'boolean'),
  position: value(isFinite),
})

const question = map({ text, position: value(isFinite) })

const meeting = map({
  kind: value(oneOf(meetingKinds)),
  organisationIds: value(isIdList),
  // Meetings are no longer created with notes (the board never showed them), but stored
  // documents hold a notes text per meeting: the slot stays so those keep passing the gate.
  notes: text,
  agenda: entries(agendaItem),
  questions: entries(question),
  answers: entries(text),
})

const pdsaPlan = map({
  number: value((v) => Number.isSafeInteger(v) && (v as number) > 0),
  organisationId: value(isId),
  plannedAtMeetingId: value(isId),
  followUpMeetingId: value(nullOr(isId)),
  status: value(oneOf(pdsaStatuses)),
  decision: value(nullOr(oneOf(pdsaDecisions))),
  resultsChainLevel: value(nullOr(oneOf(resultsChainLevels))),
  createdAt: value(isNonNegative),
  checklistItems: entries(value((v) => v === true)),
  ...Object.fromEntries(pdsaTextFields.map((field) => [field, text])),
})

/** The root types of the workspace document and what each holds. */
const workspaceSchema: Readonly<Record<string, Slot>> = {
  // Never past the version this code knows: a room whose document claims a newer one is
  // refused on load (migrations/index.ts), so a member must not be able to write that.
  meta: map({ schemaVersion: value((v) => isNonNegative(v) && (v as number) <= SCHEMA_VERSION) }),
  meetings: entries(meeting),
  checklistScores: entries(value(isChecklistScore)),
  checklistComments: entries(text),
  pdsaPlans: entries(pdsaPlan),
  control: entries(value((v, key) => isControlEntry(key, v))),
  hands: entries(value((v, key) => isHandEntry(key, v))),
}

/** The slot of a child key in a map slot; null where nothing may be written. */
export function childSlot(parent: Slot, key: string): Slot | null {
  if (parent.kind !== 'map' || key.length > MAX_KEY_LENGTH) return null
  return parent.keys?.[key] ?? parent.entries ?? null
}

/** The slot at a path of keys from a root type; null for an unknown path. */
export function slotAt(path: readonly string[]): Slot | null {
  const [root, ...keys] = path
  let slot: Slot | null = root === undefined ? null : (workspaceSchema[root] ?? null)
  for (const key of keys) {
    if (!slot) return null
    slot = childSlot(slot, key)
  }
  return slot
}
