import type { RoundOverview } from '../../../shared/round-overview-api.ts'
import { call } from '../api/client.ts'

/** The round overview's two doors: the round lead's, and a group facilitator's (read only). */
export const overviewApi = {
  ofRound: (cohortId: string) =>
    call<RoundOverview>('GET', `/api/rounds/${encodeURIComponent(cohortId)}/overview`),
  ofGroupRound: (room: string) =>
    call<RoundOverview>('GET', `/api/rooms/${encodeURIComponent(room)}/round-overview`),
}
