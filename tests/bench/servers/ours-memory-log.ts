/**
 * Reference server: our relay exactly as built for `npm start` (dist/node), with its update
 * log in process memory instead of the database. Auth, sessions and groups still use the
 * database. The difference to "ours" is what persisting each update before relaying it
 * costs. Env as for server/main.ts.
 */
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type * as ConfigModule from '../../../server/config.ts'
import type * as LogModule from '../../../server/log.ts'
import type * as ServerModule from '../../../server/server.ts'
import type * as MemoryStoreModule from '../../../server/storage/memory-doc-store.ts'
import { repoRoot } from '../child.ts'

/** A module of the build, typed by its source. */
const built = <T>(path: string): Promise<T> =>
  import(pathToFileURL(resolve(repoRoot, 'dist/node', path)).href) as Promise<T>

const { readConfig } = await built<typeof ConfigModule>('server/config.js')
const { createLogger } = await built<typeof LogModule>('server/log.js')
const { startServer } = await built<typeof ServerModule>('server/server.js')
const { createMemoryDocStore } = await built<typeof MemoryStoreModule>(
  'server/storage/memory-doc-store.js',
)

const config = readConfig()
const logger = createLogger(config.logLevel)
const server = await startServer(config, logger, { docStore: createMemoryDocStore() })
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => void server.close().then(() => process.exit(0)))
}
