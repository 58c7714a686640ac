import type { Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { WebSocketServer } from 'ws'
import { openDatabase } from '../db/client.ts'
import type { ServerConfig } from './config.ts'
import { httpServerOptions, limitPendingConnections } from './http/connection-limits.ts'
import { createApp } from './http/app.ts'
import { startRetentionSweep } from './domain/privacy/retention-sweep.ts'
import type { Logger } from './log.ts'
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
}

/** Opens the database (migrating it), wires the services and listens. */
export async function startServer(
  config: ServerConfig,
  logger: Logger,
  options: StartOptions = {},
): Promise<RunningServer> {
  const database = await openDatabase({
    url: config.databaseUrl,
    authToken: config.databaseAuthToken,
    checkpoints: 'background',
    checkpointIntervalMs: config.checkpointIntervalMs,
    onCheckpointError: (message) => logger.error('WAL checkpoint failed', { reason: message }),
  })
  const services = createServices(database, config, logger, options.docStore)
  const app = createApp(services, config, logger)
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.limits.maxMessageBytes })
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve(
      {
        fetch: app.fetch,
        port: config.port,
        hostname: config.host,
        websocket: { server: wss },
        serverOptions: httpServerOptions(config.connections),
      },
      () => resolve(s),
    )
    // Before the first connection: listening starts on a later turn.
    limitPendingConnections(s as HttpServer, wss, config.connections, logger)
  })
  const { port } = server.address() as AddressInfo
  // Ends the access of rounds closed longer than their retention: now, then hourly.
  const retention = startRetentionSweep(
    () => services.privacy.sweepRetention(),
    config.retentionSweepIntervalMs,
    logger,
  )
  let closing: Promise<void> | null = null
  const close = () =>
    (closing ??= (async () => {
      const http = server as HttpServer
      const stopped = new Promise<void>((resolve) => http.close(() => resolve()))
      retention.stop()
      await retention.running()
      await services.rooms.shutdown()
      await services.close()
      for (const socket of wss.clients) socket.terminate()
      http.closeAllConnections()
      await stopped
      await database.close()
    })())
  return {
    url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`,
    port,
    services,
    close,
  }
}
