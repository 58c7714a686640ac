import type { Logger } from '../../log.ts'
import type { Rooms } from '../../relay/rooms.ts'
import type { Audit } from '../audit.ts'
import type { Retention, RoundRetentionEnded } from './retention.ts'

export interface RetentionSweepDeps {
  retention: Pick<Retention, 'sweep'>
  rooms: Pick<Rooms, 'endSession'>
  audit: Pick<Audit, 'record'>
  logger: Logger
}

/**
 * One pass of the retention sweep: what `retention.sweep` ended is closed on every node
 * (the sessions' open sockets, 4401) and audited per round (`round.retention_ended`, with
 * counts only).
 */
export function createRetentionSweep({ retention, rooms, audit, logger }: RetentionSweepDeps) {
  return async function sweepOnce(now = new Date()): Promise<RoundRetentionEnded[]> {
    const ended = await retention.sweep(now)
    for (const round of ended) {
      for (const session of round.sessions) rooms.endSession(session.room, session.id)
      await audit.record({
        groupId: null,
        cohortId: round.cohortId,
        kind: 'round.retention_ended',
        detail: {
          sessions: round.sessions.length,
          invitations: round.invitations,
          leadInvitations: round.leadInvitations,
          attendance: round.attendance,
        },
      })
      logger.info('retention ended a closed round’s access', {
        cohort: round.cohortId,
        sessions: round.sessions.length,
        invitations: round.invitations,
      })
    }
    return ended
  }
}

/**
 * Runs the sweep at once and every `intervalMs` (0: never) until `stop`. The timer does
 * not keep the process alive; a failed pass is logged and the next one tries again.
 */
export function startRetentionSweep(
  sweepOnce: () => Promise<unknown>,
  intervalMs: number,
  logger: Logger,
): { stop(): void; running(): Promise<void> } {
  let current: Promise<void> = Promise.resolve()
  let stopped = false
  const run = () => {
    if (stopped) return
    current = sweepOnce().then(
      () => undefined,
      (error: unknown) => logger.error('retention sweep failed', { error }),
    )
  }
  if (intervalMs <= 0) return { stop() {}, running: () => current }
  run()
  const timer = setInterval(run, intervalMs)
  timer.unref()
  return {
    stop() {
      stopped = true
      clearInterval(timer)
    },
    /** The pass in progress (shutdown waits for it before closing the database). */
    running: () => current,
  }
}
