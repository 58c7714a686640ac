import type { ServerConfig } from './config.ts'
import { ensureDemo } from './demo/ensure-demo.ts'
import { formatDemoLinks } from './demo/print.ts'
import type { EarlyServer } from './http/early-server.ts'
import type { Logger } from './log.ts'
import { startServer } from './server.ts'

/**
 * The app behind the listening socket: started, stopped cleanly on SIGTERM/SIGINT (exit 0),
 * and the demo round set up when configured.
 */
export async function runServer(
  config: ServerConfig,
  logger: Logger,
  listening: EarlyServer,
): Promise<void> {
  const server = await startServer(config, logger, { listening })
  logger.info('listening', { url: config.publicUrl, port: server.port })

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info('shutting down', { signal })
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', { error })
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))

  console.log(`\nModellrummet is running at ${config.publicUrl}\n`)
  if (config.seedDemo) {
    try {
      const round = await ensureDemo(server.services, {
        publicUrl: config.publicUrl,
        live: true,
        logger,
      })
      console.log(formatDemoLinks(round, config.publicUrl))
    } catch (error) {
      // The server keeps serving the groups it has; the demo can be retried with `cli demo`.
      logger.error('could not set up the demo round', { error })
    }
  }
}
