import { readConfigOrExit } from './config.ts'
import { earlyServerOptions, listenEarly } from './http/early-server.ts'
import { loadApp } from './load-app.ts'
import { createLogger } from './log.ts'

/**
 * The process entry. It listens first and loads the app after (a part at a time:
 * load-app.ts), so a restart is open to its members while the bulk of the code compiles
 * and the database opens (http/early-server.ts).
 */
const config = readConfigOrExit()
const logger = createLogger(config.logLevel)
const listening = await listenEarly(earlyServerOptions(config), logger)
const { runServer } = await loadApp()
await runServer(config, logger, listening)
