import * as z from 'zod'
import type { ChecklistScore } from './domain/checklist.ts'

/**
 * The sealed scoring round's API (server/routes/scoring.ts). While a round is open each
 * organisation's checklist scores stay on the server; the facilitator reveals them all.
 */
const id = z.string().min(1).max(100)

/** `PUT /api/rooms/:room/scoring/:roundId/scores` */
export const sealedScoreInputSchema = z.object({
  organisationId: id,
  itemId: id,
  score: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
  comment: z.string().max(2000),
})
export type SealedScoreInput = z.infer<typeof sealedScoreInputSchema>

/** `PUT /api/rooms/:room/scoring/:roundId/done` */
export const sealedDoneInputSchema = z.object({ organisationId: id, done: z.boolean() })
export type SealedDoneInput = z.infer<typeof sealedDoneInputSchema>

export interface SealedScore {
  score: ChecklistScore | null
  comment: string
}

export interface ScoringRoundResponse {
  roundId: string
  meetingId: string
  phase: string
  state: 'open' | 'revealed'
  /** Every organisation of the group: how many items it scored and whether it is done. */
  organisations: { organisationId: string; scored: number; done: boolean }[]
  /** Scores this session may read: its own organisation's, or all for facilitators. */
  scores: Record<string, Record<string, SealedScore>>
}
