import type { ActiveSession } from '../auth/sessions.ts'
import type { RoundLead } from '../../shared/rounds-api.ts'

/**
 * Hono's per-request variables: `session` for routes behind `requireSession`, `lead` and
 * `leadSessionId` for those behind `requireRoundLead`.
 */
export interface AppEnv {
  Variables: { session: ActiveSession; lead: RoundLead; leadSessionId: string }
}
