import type * as Y from 'yjs'
import {
  isChecklistScore,
  type ChecklistPhase,
  type ChecklistScore,
  type PhaseScores,
} from '../domain/checklist.ts'
import type { ChecklistVersion } from '../domain/checklist-versions.ts'
import { asText, checklistCommentsOf, checklistScoresOf } from './document.ts'

/** Flat keys: one value per organisation × phase × item, so concurrent scores never collide. */
export const checklistKey = (
  organisationId: string,
  phase: ChecklistPhase,
  itemId: string,
): string => `${organisationId}|${phase}|${itemId}`

export function readPhaseScores(
  doc: Y.Doc,
  version: ChecklistVersion,
  organisationId: string,
  phase: ChecklistPhase,
): PhaseScores {
  const scores = checklistScoresOf(doc)
  const result: Record<string, ChecklistScore | undefined> = {}
  for (const item of version.items) {
    const score = scores.get(checklistKey(organisationId, phase, item.id))
    if (isChecklistScore(score)) result[item.id] = score
  }
  return result
}

export interface ChecklistRow {
  itemId: string
  score: ChecklistScore | null
  comment: string
}

/** One organisation's column for one phase, in the version's item order. */
export function readChecklist(
  doc: Y.Doc,
  version: ChecklistVersion,
  organisationId: string,
  phase: ChecklistPhase,
): ChecklistRow[] {
  const scores = readPhaseScores(doc, version, organisationId, phase)
  const comments = checklistCommentsOf(doc)
  return version.items.map((item) => ({
    itemId: item.id,
    score: scores[item.id] ?? null,
    comment: asText(comments.get(checklistKey(organisationId, phase, item.id)))?.toString() ?? '',
  }))
}

/** Sets or (with null) clears a score. */
export function setChecklistScore(
  doc: Y.Doc,
  organisationId: string,
  phase: ChecklistPhase,
  itemId: string,
  score: ChecklistScore | null,
): void {
  const key = checklistKey(organisationId, phase, itemId)
  doc.transact(() => {
    if (score === null) checklistScoresOf(doc).delete(key)
    else checklistScoresOf(doc).set(key, score)
  })
}

export const getChecklistComment = (
  doc: Y.Doc,
  organisationId: string,
  phase: ChecklistPhase,
  itemId: string,
): Y.Text | undefined =>
  asText(checklistCommentsOf(doc).get(checklistKey(organisationId, phase, itemId)))
