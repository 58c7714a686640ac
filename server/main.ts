import { readConfig } from './config.ts'
import { createLogger } from './log.ts'
import { startServer } from './server.ts'

/** The process entry: start, then stop cleanly on SIGTERM/SIGINT (exit 0). */
const config = readConfig()
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
