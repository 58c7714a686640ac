import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { ServerConfig } from '../config.ts'
import type { Logger } from '../log.ts'
import { createRelayRoute } from '../relay/ws-route.ts'
import { createHealthRoute } from '../routes/health.ts'
import { createGroupRoutes } from '../routes/group.ts'
import { createJoinRoutes } from '../routes/join.ts'
import { createMeetingRoutes } from '../routes/meetings.ts'
import { createSessionRoutes } from '../routes/session.ts'
import type { Services } from '../services.ts'
import { apiError, makeErrorHandler, notFound } from './errors.ts'
import { createClientRoutes } from './static.ts'

/** The whole HTTP surface. Tests call `app.request(…)` on it; main.ts serves it. */
export function createApp(services: Services, config: ServerConfig, logger: Logger) {
  const app = new Hono()
  app.onError(makeErrorHandler(logger))

  app.route(
    '/healthz',
    createHealthRoute({ client: services.client, stats: services.rooms.stats, bus: services.bus }),
  )

  const api = new Hono()
  api.use(
    bodyLimit({
      maxSize: 64 * 1024,
      onError: () => {
        throw apiError(413, 'payload_too_large', 'The request body is larger than 64 kB.')
      },
    }),
  )
  api.route(
    '/',
    createJoinRoutes({
      db: services.db,
      invitations: services.invitations,
      sessions: services.sessions,
      logger,
      secureCookies: config.publicUrl.startsWith('https:'),
    }),
  )
  api.route('/rooms', createSessionRoutes(services.sessions, services.rooms))
  api.route('/rooms', createGroupRoutes(services))
  api.route('/rooms', createMeetingRoutes(services))
  api.notFound(notFound)
  app.route('/api', api)

  app.route(
    '/ws',
    createRelayRoute({
      sessions: services.sessions,
      rooms: services.rooms,
      limits: config.limits,
      keepaliveIntervalMs: config.keepaliveIntervalMs,
      logger,
    }),
  )
  app.route('/', createClientRoutes(config.clientDir))
  return app
}
