import { readConfigOrExit } from './config.ts'
import { ensureDemo } from './demo/ensure-demo.ts'
import { formatDemoLinks } from './demo/print.ts'
import { createLogger } from './log.ts'
import { startServer } from './server.ts'

/** The process entry: start, then stop cleanly on SIGTERM/SIGINT (exit 0). */
const config = readConfigOrExit()
const logger = createLogger(config.logLevel)
const server = await startServer(config, logger)
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
