import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { ServerConfig } from '../config.ts'
import type { Logger } from '../log.ts'
import { createHealthRoute } from '../routes/health.ts'
import { createGroupRoutes } from '../routes/group.ts'
import { createHistoryRoutes } from '../routes/history.ts'
import { createInvitationRoutes } from '../routes/invitations.ts'
import { createJoinRoutes } from '../routes/join.ts'
import { createLeadRoutes } from '../routes/lead.ts'
import { createRoundGroupRoutes } from '../routes/round-groups.ts'
import { createRoundRoutes } from '../routes/rounds.ts'
import { createRoundOverviewRoutes } from '../routes/round-overview.ts'
import { createMemberRoutes } from '../routes/members.ts'
import { createPrivacyRoutes } from '../routes/privacy.ts'
import { createExportRoutes } from '../routes/exports.ts'
import { createBackupImportRoutes, createRoundExportRoutes } from '../routes/round-exports.ts'
import { createMeetingRoutes } from '../routes/meetings.ts'
import { createScoringRoutes } from '../routes/scoring.ts'
import { createSessionRoutes } from '../routes/session.ts'
import { createTimeRoutes } from '../routes/time.ts'
import type { Services } from '../services.ts'
import { makeAttemptLimiter } from '../auth/attempt-limiter.ts'
import { apiError, makeErrorHandler, notFound } from './errors.ts'
import { requireJsonBodies } from './json-only.ts'
import { makeOriginGuard } from './origin-guard.ts'
import { makeSecurityHeaders } from './security-headers.ts'
import { createClientRoutes } from './static.ts'

/** The whole HTTP surface. Tests call `app.request(…)` on it; main.ts serves it. */
export function createApp(services: Services, config: ServerConfig, logger: Logger) {
  const app = new Hono()
  app.onError(makeErrorHandler(logger))
  app.use(makeSecurityHeaders(config.publicUrl))
  // Before any route: every state-changing request.
  app.use(
    makeOriginGuard({ publicUrl: config.publicUrl, allowedOrigins: config.allowedOrigins }, logger),
  )

  app.route(
    '/healthz',
    createHealthRoute({
      client: services.client,
      stats: services.rooms.stats,
      bus: services.bus,
      logger,
    }),
  )

  const api = new Hono()
  api.use(requireJsonBodies)
  api.use(
    bodyLimit({
      maxSize: 64 * 1024,
      onError: () => {
        throw apiError(413, 'payload_too_large', 'The request body is larger than 64 kB.')
      },
    }),
  )
  // One budget of failed token attempts per address, for group and round lead joins alike.
  const joinAttempts = makeAttemptLimiter({
    perMinute: config.joinRatePerMinute,
    burst: Math.max(1, Math.ceil(config.joinRatePerMinute / 2)),
  })
  const secureCookies = config.publicUrl.startsWith('https:')
  api.route(
    '/',
    createJoinRoutes({
      groups: services.groups,
      invitations: services.invitations,
      sessions: services.sessions,
      audit: services.audit,
      rooms: services.rooms,
      attempts: joinAttempts,
      logger,
      secureCookies,
    }),
  )
  api.route(
    '/',
    createLeadRoutes({
      leads: services.leads,
      roundExists: services.rounds.exists,
      audit: services.audit,
      attempts: joinAttempts,
      logger,
      publicUrl: config.publicUrl,
      secureCookies,
      entry: services.roundLead.entry,
      rooms: services.rooms,
    }),
  )
  api.route('/', createTimeRoutes())
  api.route('/rounds', createRoundRoutes(services))
  api.route(
    '/rounds',
    createRoundGroupRoutes({ ...services, logger, publicUrl: config.publicUrl, secureCookies }),
  )
  api.route('/rounds', createPrivacyRoutes({ ...services, logger }))
  api.route('/', createRoundOverviewRoutes({ ...services, logger }))
  api.route('/rooms', createSessionRoutes(services.sessions, services.rooms, services.audit))
  api.route('/rooms', createGroupRoutes(services))
  api.route('/rooms', createMeetingRoutes(services))
  api.route('/rooms', createInvitationRoutes({ ...services, publicUrl: config.publicUrl }))
  api.route('/rooms', createMemberRoutes({ ...services, logger }))
  api.route('/rooms', createScoringRoutes(services))
  api.route('/rooms', createHistoryRoutes(services))
  api.route('/rooms', createExportRoutes(services))
  api.route('/rounds', createRoundExportRoutes(services))
  // Ahead of the API and its 64 kB body limit: a backup carries a whole workspace.
  app.route(
    '/api/rounds',
    createBackupImportRoutes(services, config.documentLimits.maxDocumentBytes),
  )
  app.route('/api', api)
  // A mounted app's notFound is not consulted; without these, /api/* fell through to the
  // client's index.html with 200.
  app.all('/api', notFound)
  app.all('/api/*', notFound)

  // The relay's upgrades never reach the app (relay/ws-upgrade.ts answers them); a plain
  // request there is told what the endpoint is for, not given the client's page.
  app.all('/ws/*', () => {
    throw apiError(426, 'bad_request', 'The relay answers WebSocket upgrades only.')
  })
  app.route('/', createClientRoutes(config.clientDir))
  return app
}
