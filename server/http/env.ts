import type { ActiveSession } from '../auth/sessions.ts'
import type { RoundLead } from '../../shared/rounds-api.ts'

/**
 * Hono's per-request variables: `session` for routes behind `requireSession`, `lead` and
 * `leadSession` (its id and end) for those behind `requireRoundLead`.
 */
export interface AppEnv {
  Variables: {
    session: ActiveSession
    lead: RoundLead
    leadSession: { id: string; expiresAt: Date }
  }
}
