import { excludeNetworkFromReports } from './diagnostic-report.ts'
import { loadApp, loadInParts } from './load-app.ts'
import { nextTurn } from './next-turn.ts'

/**
 * Node's own modules that the early server's `ws` loads with it, each in a turn of its own
 * first: loaded together with `ws` and this entry they were one ~30 ms step before the
 * socket listened (`npm run bench:start`); apart, the largest (tls) is ~3–4 ms.
 */
const nodeParts: readonly (() => unknown)[] = [
  () => import('node:zlib'),
  () => import('node:net'),
  () => import('node:tls'),
  () => import('node:https'),
  () => import('node:http'),
  () => import('node:crypto'),
]

/**
 * The process entry. It listens first and loads the app after (a part at a time:
 * load-app.ts), so a restart is open to its members while the bulk of the code compiles
 * and the database opens (http/early-server.ts).
 */
excludeNetworkFromReports()
const { readConfigOrExit } = await loadInParts(nodeParts, () => import('./config.ts'))
const { createLogger } = await import('./log.ts')
const config = readConfigOrExit()
const logger = createLogger(config.logLevel)
await nextTurn()
const { earlyServerOptions, listenEarly } = await import('./http/early-server.ts')
const listening = await listenEarly(earlyServerOptions(config), logger)
const { runServer } = await loadApp()
await runServer(config, logger, listening)
