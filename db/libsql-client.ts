import type { Client, Config } from '@libsql/client'

/**
 * A libSQL client for `url`, loading only the implementation it needs. An embedded (`file:`)
 * database needs the SQLite binding alone (`@libsql/client/sqlite3`); the package's main
 * entry also loads the HTTP and WebSocket clients for remote databases (hrana, `ws`), which
 * took ~110 ms of every server start against ~33 for the binding (import timed on this
 * machine). A remote URL loads the whole client as before.
 */
export async function openLibsqlClient(config: Config): Promise<Client> {
  const { createClient } = config.url.startsWith('file:')
    ? await import('@libsql/client/sqlite3')
    : await import('@libsql/client')
  return createClient(config)
}
