import { readConfigOrExit } from './config.ts'
import { earlyServerOptions, listenEarly } from './http/early-server.ts'
import { createLogger } from './log.ts'

/**
 * The process entry. It listens first and loads the app after (a module of its own, and a
 * chunk of its own in the bundle), so a restart is open to its members while the bulk of
 * the code compiles and the database opens (http/early-server.ts).
 */
const config = readConfigOrExit()
const logger = createLogger(config.logLevel)
const listening = await listenEarly(earlyServerOptions(config), logger)
const { runServer } = await import('./run-server.ts')
await runServer(config, logger, listening)
