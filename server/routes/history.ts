import { Hono } from 'hono'
import {
  restoreRequestSchema,
  versionParamsSchema,
  type HistoryKeptResponse,
  type HistoryListResponse,
  type RestoreResponse,
  type RestoreScope,
} from '../../shared/history-api.ts'
import { Role } from '../../shared/roles.ts'
import { requireSession } from '../auth/middleware.ts'
import type { ActiveSession, Sessions } from '../auth/sessions.ts'
import type { Audit } from '../domain/audit.ts'
import type { Scoring } from '../domain/scoring.ts'
import { MeetingNotInVersion, VersionNotFound, type History } from '../domain/history.ts'
import type { AppEnv } from '../http/env.ts'
import { apiError, readJson, readParams } from '../http/errors.ts'

export interface HistoryRouteDeps {
  sessions: Sessions
  history: History
  audit: Audit
  scoring: Scoring
}

/**
 * The workspace's version history (issue 13). Members (facilitators and participants) list
 * and read versions; a viewer link does not (it is a projector's or an observer's view of
 * the board as it is now, often shared widely, and the history names who edited when).
 * Only facilitators keep a version now and restore. `GET /api/rooms/:room/history`,
 * `POST /api/rooms/:room/history` (keep the state now as a version),
 * `GET /api/rooms/:room/history/:versionId`, `POST /api/rooms/:room/history/:versionId/restore`.
 */
export function createHistoryRoutes({ sessions, history, audit, scoring }: HistoryRouteDeps) {
  const app = new Hono<AppEnv>()
  const member = requireSession(sessions)
  const facilitator = requireSession(sessions, { facilitator: true })

  const noViewers = (session: ActiveSession): void => {
    if (session.role === Role.Viewer)
      throw apiError(403, 'forbidden', 'The version history is for the group’s members.')
  }

  /** The domain's "no such version / meeting" as 404s naming what was not found. */
  const notFound = (error: unknown): never => {
    if (error instanceof VersionNotFound)
      throw apiError(404, 'not_found', 'versionId: this group has no such version.')
    if (error instanceof MeetingNotInVersion)
      throw apiError(404, 'not_found', 'scope.meetingId: this version has no such meeting.')
    throw error
  }

  /**
   * A restore that would write a checklist whose sealed scoring round is open is refused:
   * the relay refuses direct writes of that phase while the round is open (the scores are
   * sealed until the reveal), and a restore written past it would put old scores on the
   * board the reveal then overwrites. The whole workspace and a whole meeting include the
   * checklist; the other parts do not.
   */
  async function refuseWhileSealed(groupId: string, scope: RestoreScope): Promise<void> {
    if (typeof scope !== 'string' && scope.part !== undefined && scope.part !== 'checklist') return
    const open = await scoring.openRounds(groupId)
    const blocking =
      scope === 'workspace' ? open : open.filter((round) => round.meetingId === scope.meetingId)
    if (blocking.length === 0) return
    throw apiError(
      409,
      'conflict',
      scope === 'workspace'
        ? 'A sealed scoring round is open in this group: reveal it before restoring the whole workspace.'
        : 'A sealed scoring round is open for this meeting: reveal it before restoring its checklist.',
    )
  }

  app.get('/:room/history', member, async (c) => {
    const session = c.get('session')
    noViewers(session)
    const body: HistoryListResponse = { versions: await history.list(session.room) }
    return c.json(body)
  })

  // Keeps the state now as a version (nothing new since the last one: that one).
  app.post('/:room/history', facilitator, async (c) => {
    const session = c.get('session')
    const version = await history.keep(session.room)
    if (!version) throw apiError(404, 'not_found', 'This group has no workspace yet.')
    const body: HistoryKeptResponse = { version }
    return c.json(body, 201)
  })

  app.get('/:room/history/:versionId', member, async (c) => {
    const session = c.get('session')
    noViewers(session)
    const { versionId } = readParams(c, versionParamsSchema)
    const body = await history
      .read(session.room, session.groupId, Number(versionId))
      .catch(notFound)
    return c.json(body)
  })

  app.post('/:room/history/:versionId/restore', facilitator, async (c) => {
    const session = c.get('session')
    const { versionId } = readParams(c, versionParamsSchema)
    const { scope } = await readJson(c, restoreRequestSchema)
    await refuseWhileSealed(session.groupId, scope)
    const changes = await history.restore(session.room, Number(versionId), scope).catch(notFound)
    await audit.record({
      groupId: session.groupId,
      participantId: session.participant.id,
      kind: 'history.restored',
      detail: { versionId, scope, changes },
    })
    const body: RestoreResponse = { versionId, scope, changes }
    return c.json(body)
  })

  return app
}
