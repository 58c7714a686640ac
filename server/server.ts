import { createAdaptorServer } from '@hono/node-server'
import { openDatabase } from '../db/client.ts'
import type { ServerConfig } from './config.ts'
import { createApp } from './http/app.ts'
import { earlyServerOptions, listenEarly, type EarlyServer } from './http/early-server.ts'
import { startRetentionSweep } from './domain/privacy/retention-sweep.ts'
import { warmUp } from './http/warm-up.ts'
import type { Logger } from './log.ts'
import { nextTurn } from './next-turn.ts'
import { makeRelayUpgrade } from './relay/ws-upgrade.ts'
import { createServices, type Services } from './services.ts'
import type { DocStore } from './storage/doc-store.ts'

export interface RunningServer {
  url: string
  port: number
  services: Services
  /** Graceful stop: no new connections, sockets closed as going-away, everything stored. */
  close(): Promise<void>
}

export interface StartOptions {
  /** Where Yjs updates go instead of the database (the bench's in-memory reference). */
  docStore?: DocStore
  /** The socket, listening already (the process entry opens it before loading the app). */
  listening?: EarlyServer
}

/** Milliseconds per step, each lap from the one before. */
function makeStopwatch() {
  const laps: Record<string, number> = {}
  let last = performance.now()
  return {
    lap(name: string): void {
      const now = performance.now()
      laps[name] = Math.round(now - last)
      last = now
    },
    laps: (): Readonly<Record<string, number>> => laps,
  }
}

/** Listens (unless told it does already), opens the database, wires the services, serves. */
export async function startServer(
  config: ServerConfig,
  logger: Logger,
  options: StartOptions = {},
): Promise<RunningServer> {
  const listening = options.listening ?? (await listenEarly(earlyServerOptions(config), logger))
  const database = await openDatabase({
    url: config.databaseUrl,
    authToken: config.databaseAuthToken,
    checkpoints: 'background',
    checkpointIntervalMs: config.checkpointIntervalMs,
    onCheckpointError: (message) => logger.error('WAL checkpoint failed', { reason: message }),
  }).catch((error: unknown) => {
    // A listener opened here is not left holding the port (the entry's exits with it).
    if (!options.listening) listening.server.close()
    throw error
  })
  // Each step in a turn of its own: a restart starts under its members' reconnects, whose
  // sockets the early server holds and reads meanwhile (load-app.ts).
  await nextTurn()
  const services = createServices(database, config, logger, options.docStore)
  await nextTurn()
  const app = createApp(services, config, logger)
  await warmUp(app.fetch)
  await nextTurn()
  const { server, wss, port } = listening
  createAdaptorServer({ fetch: app.fetch, hostname: config.host, createServer: listening.adopt })
  server.on(
    'upgrade',
    makeRelayUpgrade({
      wss,
      sessions: services.sessions,
      members: services.members,
      rooms: services.rooms,
      limits: config.limits,
      keepaliveIntervalMs: config.keepaliveIntervalMs,
      origins: { publicUrl: config.publicUrl, allowedOrigins: config.allowedOrigins },
      logger,
    }),
  )
  listening.open(services.rooms.pace)
  // Ends the access of rounds closed longer than their retention: now, then hourly.
  const retention = startRetentionSweep(
    () => services.privacy.sweepRetention(),
    config.retentionSweepIntervalMs,
    logger,
  )
  let closing: Promise<void> | null = null
  const close = () =>
    (closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
      const took = makeStopwatch()
      retention.stop()
      await retention.running()
      await services.rooms.shutdown()
      took.lap('storedMs')
      // Everything is stored: the last checkpoint runs in its worker while this thread
      // closes the sockets (~70 ms of a stop under 2,000 members, done one after the other).
      void database.stopCheckpoints()
      await services.close()
      for (const socket of wss.clients) socket.terminate()
      server.closeAllConnections()
      await stopped
      took.lap('socketsMs')
      await database.close()
      took.lap('databaseMs')
      // A restart keeps every member waiting for this: where the time went, step by step.
      logger.info('stopped', took.laps())
    })())
  return {
    url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`,
    port,
    services,
    close,
  }
}
