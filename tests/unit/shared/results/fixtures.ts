import * as Y from 'yjs'
import type { ChecklistPhase } from '../../../../shared/domain/checklist.ts'
import { checklist2019 } from '../../../../shared/domain/checklist-versions.ts'
import type { ResultsMeeting } from '../../../../shared/results/index.ts'
import { initialiseMeeting, setChecklistScore } from '../../../../shared/workspace/index.ts'

/** The default meeting plan of a 2019 group. */
export const meetings: ResultsMeeting[] = [
  { id: 'm-uppstart', kind: 'uppstart', date: '2019-02-05' },
  { id: 'm-bm1', kind: 'bm1', date: '2019-04-10' },
  { id: 'm-bm2', kind: 'bm2', date: '2019-09-18' },
  { id: 'm-bm3', kind: 'bm3', date: '2020-01-22' },
  { id: 'm-resultat', kind: 'resultatkonferens', date: '2020-05-06' },
]

type Scores = Partial<Record<ChecklistPhase, number[]>>

/**
 * Askersund and Fagersta (2019 round, mentor Hedemora; uppstart and BM1 as the demo board
 * has them), items 1–10 of the 2019 list. Totals by hand:
 *   Askersund 15, 17, 21, 25, 26 · Fagersta 16, 20, 24, 26, 28.
 * Fagersta's BM3 has seven 3s and one 1 (item 10): the criterion fails on that item alone.
 */
export const askersundFagersta: Record<string, Scores> = {
  'kommun-askersund': {
    uppstart: [3, 2, 2, 1, 2, 1, 1, 1, 1, 1],
    bm1: [3, 2, 2, 2, 2, 2, 1, 1, 1, 1],
    bm2: [3, 3, 2, 2, 2, 2, 2, 2, 1, 2],
    bm3: [3, 3, 3, 3, 2, 3, 2, 2, 2, 2],
    avslutning: [3, 3, 3, 3, 3, 3, 2, 2, 2, 2],
  },
  'kommun-fagersta': {
    uppstart: [3, 2, 1, 2, 2, 2, 1, 1, 1, 1],
    bm1: [3, 3, 2, 2, 3, 2, 1, 2, 1, 1],
    bm2: [3, 3, 3, 2, 3, 3, 2, 2, 2, 1],
    bm3: [3, 3, 3, 3, 3, 3, 3, 2, 2, 1],
    avslutning: [3, 3, 3, 3, 3, 3, 3, 3, 2, 2],
  },
}

/** Botkyrka and Västerås (mentor Uppsala), only their start-up scored. */
export const botkyrkaVasteras: Record<string, Scores> = {
  'kommun-botkyrka': { uppstart: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2] },
  'kommun-vasteras': { uppstart: [3, 3, 3, 3, 3, 3, 2, 2, 2, 2] },
}

export function workspaceWith(scores: Record<string, Scores>, version = checklist2019): Y.Doc {
  const doc = new Y.Doc()
  // As the server makes them: each meeting's structure, with a comment text per score.
  for (const meeting of meetings)
    initialiseMeeting(doc, {
      meetingId: meeting.id,
      kind: meeting.kind,
      organisationIds: Object.keys(scores),
      checklistVersionId: version.id,
    })
  for (const [organisationId, phases] of Object.entries(scores))
    for (const [phase, values] of Object.entries(phases))
      values.forEach((score, index) => {
        const item = version.items[index]!
        if (score === 1 || score === 2 || score === 3)
          setChecklistScore(doc, organisationId, phase as ChecklistPhase, item.id, score)
      })
  return doc
}
