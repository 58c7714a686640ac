/**
 * Reference server: our relay exactly as built for `npm start` (dist/node), with the
 * relay's checks of member updates turned off in its config: BENCH_RELAY_CHECKS `none`
 * (no update gate, no write policy) or `no-policy` (the gate, without the write policy).
 * The difference to "ours" is what the checks cost per delivery. The server itself reads
 * no such setting: only this bench entry can turn the checks off.
 */
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type * as ConfigModule from '../../../server/config.ts'
import type * as LogModule from '../../../server/log.ts'
import type * as ServerModule from '../../../server/server.ts'
import { repoRoot } from '../child.ts'

const built = <T>(path: string): Promise<T> =>
  import(pathToFileURL(resolve(repoRoot, 'dist/node', path)).href) as Promise<T>

const { readConfig } = await built<typeof ConfigModule>('server/config.js')
const { createLogger } = await built<typeof LogModule>('server/log.js')
const { startServer } = await built<typeof ServerModule>('server/server.js')

const which = process.env.BENCH_RELAY_CHECKS
if (which !== 'none' && which !== 'no-policy')
  throw new Error('BENCH_RELAY_CHECKS must be none or no-policy')
const config = {
  ...readConfig(),
  relayChecks: { updateGate: which === 'no-policy', writePolicy: false },
}
const logger = createLogger(config.logLevel)
const server = await startServer(config, logger)
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => void server.close().then(() => process.exit(0)))
}
