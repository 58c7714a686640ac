import { Hono } from 'hono'
import { roundParamsSchema } from '../../shared/rounds-api.ts'
import { requireRoundLead } from '../auth/lead-middleware.ts'
import { requireSession } from '../auth/middleware.ts'
import type { RoundLeads } from '../auth/round-leads.ts'
import type { Sessions } from '../auth/sessions.ts'
import type { Groups } from '../domain/groups.ts'
import { createRoundOverview } from '../domain/round-overview.ts'
import { createWorkspaceReader } from '../domain/round-overview-workspace.ts'
import type { RoundLeadServices } from '../domain/round-lead-services.ts'
import type { AppEnv } from '../http/env.ts'
import { apiError, readParams } from '../http/errors.ts'
import type { Logger } from '../log.ts'
import type { Rooms } from '../relay/rooms.ts'
import type { DocStore } from '../storage/doc-store.ts'
import type { Database } from '../../db/client.ts'

export interface RoundOverviewRouteDeps {
  db: Database
  leads: RoundLeads
  sessions: Sessions
  groups: Pick<Groups, 'context'>
  roundLead: Pick<RoundLeadServices, 'view'>
  store: Pick<DocStore, 'load'>
  rooms: Pick<Rooms, 'loadedDoc'>
  logger: Logger
}

/**
 * The round overview, one answer for two readers: `GET /api/rounds/:cohortId/overview` for
 * the round's lead, and `GET /api/rooms/:room/round-overview` for a facilitator of one of
 * the round's groups (their own round only, read only: no route here changes anything).
 */
export function createRoundOverviewRoutes(deps: RoundOverviewRouteDeps) {
  const app = new Hono<AppEnv>()
  const overviews = createRoundOverview({
    db: deps.db,
    view: deps.roundLead.view,
    reader: createWorkspaceReader({
      store: deps.store,
      rooms: deps.rooms,
      logger: deps.logger.child({ area: 'round-overview' }),
    }),
  })

  app.get(
    '/rounds/:cohortId/overview',
    requireRoundLead(deps.leads, { cohortParam: 'cohortId' }),
    async (c) => {
      const { cohortId } = readParams(c, roundParamsSchema)
      const overview = await overviews.overview(cohortId)
      if (!overview) throw apiError(404, 'not_found', 'cohortId: no such round.')
      return c.json(overview)
    },
  )

  app.get(
    '/rooms/:room/round-overview',
    requireSession(deps.sessions, { facilitator: true }),
    async (c) => {
      const context = await deps.groups.context(c.get('session').groupId)
      if (!context) throw apiError(404, 'not_found', 'No such group.')
      const overview = await overviews.overview(context.cohort.id)
      if (!overview) throw apiError(404, 'not_found', 'No such round.')
      return c.json(overview)
    },
  )

  return app
}
