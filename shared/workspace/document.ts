import * as Y from 'yjs'

/**
 * The group workspace: one Y.Doc per benchmarking group. Root types:
 * - `meta`              { schemaVersion }
 * - `meetings`          meetingId → meeting map (see meeting.ts)
 * - `checklistScores`   "org|phase|item" → 1 | 2 | 3 (flat keys: no nested creation races)
 * - `checklistComments` "org|phase|item" → Y.Text (created by the server with the meeting)
 * - `pdsaPlans`         planId → plan map (see pdsa.ts)
 */
/**
 * Raised only with a migration (migrations/index.ts: one step per version), which the server
 * runs on every older document when its room loads; a newer document is refused.
 */
export const SCHEMA_VERSION = 2

export type YMeeting = Y.Map<unknown>

export const meta = (doc: Y.Doc) => doc.getMap<unknown>('meta')
export const meetingsOf = (doc: Y.Doc) => doc.getMap<YMeeting>('meetings')
export const checklistScoresOf = (doc: Y.Doc) => doc.getMap<number>('checklistScores')
export const checklistCommentsOf = (doc: Y.Doc) => doc.getMap<Y.Text>('checklistComments')
export const pdsaPlansOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('pdsaPlans')

/**
 * Anyone in the group can write any value at any key, so a reader never assumes a kind:
 * a nested map, or undefined when the document holds something else there.
 */
export const asMap = <T = unknown>(value: unknown): Y.Map<T> | undefined =>
  value instanceof Y.Map ? (value as Y.Map<T>) : undefined

export const asText = (value: unknown): Y.Text | undefined =>
  value instanceof Y.Text ? value : undefined

export const meetingOf = (doc: Y.Doc, meetingId: string): YMeeting | undefined =>
  asMap(meetingsOf(doc).get(meetingId))

/** Fresh ids for entities clients add (agenda items, questions, plans). */
export const newId = (): string => crypto.randomUUID()

export const textOf = (map: Y.Map<unknown>, key: string): Y.Text | undefined => asText(map.get(key))

export const stringOf = (map: Y.Map<unknown>, key: string): string | null => {
  const value = map.get(key)
  return typeof value === 'string' ? value : null
}

export const numberOf = (map: Y.Map<unknown>, key: string, fallback: number): number => {
  const value = map.get(key)
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

export const textWith = (content: string): Y.Text => {
  const text = new Y.Text()
  if (content) text.insert(0, content)
  return text
}
