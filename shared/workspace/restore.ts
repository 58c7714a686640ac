import * as Y from 'yjs'
import { checklistPhaseFor } from '../domain/checklist.ts'
import { meetingKinds, type MeetingKind } from '../domain/meeting-kind.ts'
import { asMap, meetingOf, stringOf } from './document.ts'
import { diffText } from './text-diff.ts'

/** The parts of a meeting a version can be restored for, one at a time. */
export const restoreParts = ['agenda', 'matrix', 'pdsa', 'checklist'] as const
export type RestorePart = (typeof restoreParts)[number]

/** What a restore brings back: everything, one meeting, or one part of one meeting. */
export type RestoreScope = 'workspace' | { meetingId: string; part?: RestorePart }

/**
 * Makes the chosen part of `target` (the live document) equal to the same part of `source`
 * (an earlier version), as a change of `target`: only what differs is written, texts by
 * their smallest edit, so everything outside the part, and whatever already equals the
 * version, is left as it is (later edits elsewhere stay). Run it in the caller's
 * transaction. Says how many entries it changed.
 *
 * What the server made for the meeting's structure (its kind, organisations, the texts
 * of later organisations' columns and checklist comments) stays: such a text the version
 * lacks is emptied, not removed, so every field can still be written. A whole-workspace
 * restore restores each meeting the version had; meetings made later stay as they are.
 */
export function restoreFromVersion(target: Y.Doc, source: Y.Doc, scope: RestoreScope): number {
  const sync = makeSync()
  if (scope === 'workspace') {
    meetingsOf(source).forEach((_meeting, meetingId) =>
      restoreMeeting(target, source, meetingId, sync),
    )
    // Plans whose meeting the version no longer had: restored like the rest.
    const plans = pdsaPlansOf(source)
    plans.forEach((plan, planId) => {
      const map = asMap(plan)
      const at = map && stringOf(map, 'plannedAtMeetingId')
      if (!at || !meetingOf(source, at)) sync.entry(pdsaPlansOf(target), planId, plan)
    })
  } else if (scope.part) restorePart(target, source, scope.meetingId, scope.part, sync)
  else restoreMeeting(target, source, scope.meetingId, sync)
  return sync.changes()
}

// The root maps as maps of anything: a restore reads and writes whatever they hold.
const meetingsOf = (doc: Y.Doc) => doc.getMap<unknown>('meetings')
const pdsaPlansOf = (doc: Y.Doc) => doc.getMap<unknown>('pdsaPlans')
const checklistScoresOf = (doc: Y.Doc) => doc.getMap<unknown>('checklistScores')
const checklistCommentsOf = (doc: Y.Doc) => doc.getMap<unknown>('checklistComments')

/** Whether the version has this meeting (a scope naming one it lacks restores nothing). */
export const versionHasMeeting = (source: Y.Doc, meetingId: string): boolean =>
  meetingOf(source, meetingId) !== undefined

function restoreMeeting(target: Y.Doc, source: Y.Doc, meetingId: string, sync: Sync): void {
  const from = meetingOf(source, meetingId)
  if (!from) return
  const to = meetingOf(target, meetingId)
  if (!to) {
    // Gone from the live document altogether: it comes back whole.
    sync.entry(meetingsOf(target), meetingId, from)
  } else if (from.has('notes') || to.has('notes')) {
    sync.entry(to, 'notes', from.get('notes'), 'empty')
  }
  for (const part of restoreParts) restorePart(target, source, meetingId, part, sync)
}

function restorePart(
  target: Y.Doc,
  source: Y.Doc,
  meetingId: string,
  part: RestorePart,
  sync: Sync,
): void {
  const from = meetingOf(source, meetingId)
  const to = meetingOf(target, meetingId)
  if (!from) return
  if (part === 'pdsa') return restorePlans(target, source, meetingId, sync)
  if (part === 'checklist') {
    const kind = kindOf(to) ?? kindOf(from)
    const phase = kind && checklistPhaseFor(kind)
    if (!phase) return
    const inPhase = (key: string) => key.split('|')[1] === phase
    sync.entries(checklistScoresOf(target), checklistScoresOf(source), inPhase)
    sync.entries(checklistCommentsOf(target), checklistCommentsOf(source), inPhase, 'empty')
    return
  }
  if (!to) return sync.entry(meetingsOf(target), meetingId, from)
  if (part === 'agenda') return sync.entry(to, 'agenda', from.get('agenda'))
  sync.entry(to, 'questions', from.get('questions'))
  const answers = asMap(to.get('answers'))
  const sourceAnswers = asMap(from.get('answers'))
  const questions = asMap(from.get('questions'))
  if (!answers || !sourceAnswers) return sync.entry(to, 'answers', from.get('answers'))
  // A cell of a question the version had stays (emptied if the version lacks it: a column
  // added later); the cells of questions made later go with their question.
  answers.forEach((_answer, key) => {
    if (!sourceAnswers.has(key) && !questions?.has(key.split('|')[0] ?? ''))
      sync.entry(answers, key, undefined)
  })
  sync.entries(answers, sourceAnswers, () => true, 'empty')
}

/** The meeting's plans: those planned at it in the version, or now. */
function restorePlans(target: Y.Doc, source: Y.Doc, meetingId: string, sync: Sync): void {
  const plannedHere = (plans: Y.Map<unknown>) => {
    const ids: string[] = []
    plans.forEach((value, id) => {
      const plan = asMap(value)
      if (plan && stringOf(plan, 'plannedAtMeetingId') === meetingId) ids.push(id)
    })
    return ids
  }
  const sourcePlans = pdsaPlansOf(source)
  const targetPlans = pdsaPlansOf(target)
  const ids = new Set([...plannedHere(sourcePlans), ...plannedHere(targetPlans)])
  for (const id of ids) sync.entry(targetPlans, id, sourcePlans.get(id))
}

const kindOf = (meeting: Y.Map<unknown> | undefined): MeetingKind | null => {
  const kind = meeting?.get('kind')
  return (meetingKinds as readonly unknown[]).includes(kind) ? (kind as MeetingKind) : null
}

/** What to do with a text the version lacks: remove it, or keep it empty (structure). */
type Missing = 'delete' | 'empty'

type Sync = ReturnType<typeof makeSync>

/** Makes values equal in place, counting what it changes. */
function makeSync() {
  let changes = 0

  /** Makes `map[key]` equal to `value` (undefined: the version has nothing there). */
  function entry(map: Y.Map<unknown>, key: string, value: unknown, missing: Missing = 'delete') {
    const current = map.get(key)
    if (value === undefined) {
      if (!map.has(key)) return
      if (missing === 'empty' && current instanceof Y.Text) return text(current, '')
      map.delete(key)
      changes += 1
      return
    }
    if (value instanceof Y.Map && current instanceof Y.Map) return entries(current, value)
    if (value instanceof Y.Text && current instanceof Y.Text) return text(current, value.toString())
    if (!(value instanceof Y.AbstractType) && !(current instanceof Y.AbstractType)) {
      if (map.has(key) && sameValue(current, value)) return
    }
    map.set(key, copyOf(value))
    changes += 1
  }

  /** Every key of both maps that `include` accepts. */
  function entries(
    map: Y.Map<unknown>,
    source: Y.Map<unknown>,
    include: (key: string) => boolean = () => true,
    missing: Missing = 'delete',
  ) {
    const keys = new Set([...map.keys(), ...source.keys()])
    for (const key of keys) if (include(key)) entry(map, key, source.get(key), missing)
  }

  function text(current: Y.Text, wanted: string) {
    const change = diffText(current.toString(), wanted)
    if (change.remove === 0 && change.insert === '') return
    if (change.remove > 0) current.delete(change.index, change.remove)
    if (change.insert) current.insert(change.index, change.insert)
    changes += 1
  }

  return { entry, entries, changes: () => changes }
}

/** Plain values (numbers, strings, id lists) compare by content. */
const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || JSON.stringify(a) === JSON.stringify(b)

/** A fresh copy of a value of another document, nested types and all. */
function copyOf(value: unknown): unknown {
  if (value instanceof Y.Text) return new Y.Text(value.toString())
  if (value instanceof Y.Map) {
    const copy = new Y.Map<unknown>()
    value.forEach((child, key) => copy.set(key, copyOf(child)))
    return copy
  }
  // The workspace has no arrays of its own; copied in case a later schema adds one.
  if (value instanceof Y.Array)
    return Y.Array.from(value.toArray().map(copyOf) as Parameters<typeof Y.Array.from>[0])
  return value
}
