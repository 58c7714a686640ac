import { afterEach, beforeEach } from 'vitest'
import type { RunningServer } from '../../server/server.ts'
import type { Role } from '../../shared/roles.ts'
import { connectClient, waitForSync, type TestClient } from './clients.ts'
import { makeTempDatabase } from './database.ts'
import { createTestGroup, joinGroup, type TestGroup } from './fixtures.ts'
import { startTestServer } from './server.ts'

export interface RelayFixture {
  readonly server: RunningServer
  readonly group: TestGroup
  /** Joins by invitation as `name` and connects a synced client (destroyed after the test). */
  connect(role: Role, name: string): Promise<TestClient>
}

/**
 * Per test: the real server on a fresh database file and one group; the clients a test
 * connects are destroyed and the server closed after it.
 */
export function useRelayServer(groupName: string): RelayFixture {
  let database: ReturnType<typeof makeTempDatabase> | null = null
  let server: RunningServer | null = null
  let group: TestGroup | null = null
  const clients: TestClient[] = []

  beforeEach(async () => {
    database = makeTempDatabase()
    server = await startTestServer(database.url)
    group = await createTestGroup(server.services.db, server.services.invitations, groupName)
  })
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server?.close()
    database?.remove()
  })

  const ready = <T>(value: T | null): T => {
    if (value === null) throw new Error('useRelayServer: used outside a test')
    return value
  }
  return {
    get server() {
      return ready(server)
    },
    get group() {
      return ready(group)
    },
    async connect(role, name) {
      const session = await joinGroup(ready(server).url, ready(group).invites[role], name)
      const client = connectClient(ready(server).url, ready(group).room, session)
      clients.push(client)
      await waitForSync(client)
      return client
    },
  }
}
