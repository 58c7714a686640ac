import type { ActiveSession } from '../auth/sessions.ts'

/** Hono's per-request variables for routes behind `requireSession`. */
export interface AppEnv {
  Variables: { session: ActiveSession }
}
