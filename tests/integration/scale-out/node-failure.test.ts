import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../db/client.ts'
import { createInvitations } from '../../../server/auth/invitations.ts'
import { waitFor, type TestClient } from '../../helpers/clients.ts'
import { makeTempDatabase } from '../../helpers/database.ts'
import { connectMember, createTestGroup, type TestGroup } from '../../helpers/fixtures.ts'
import { freePort } from '../../helpers/ports.ts'
import { startRedis, type TestRedis } from '../../helpers/redis.ts'
import { spawnServer, type ServerProcess } from '../../helpers/server.ts'
import { appendLine, linesOf } from '../../helpers/workspace.ts'

const items = (client: TestClient) => linesOf(client.doc, 'edits')

describe('scale-out: one node dies', () => {
  let redis: TestRedis
  let database: ReturnType<typeof makeTempDatabase>
  let group: TestGroup
  const processes: ServerProcess[] = []
  const clients: TestClient[] = []

  beforeEach(async () => {
    redis = await startRedis()
    database = makeTempDatabase()
    const handle = await openDatabase({ url: database.url })
    group = await createTestGroup(handle.db, createInvitations(handle.db), 'nodfel')
    await handle.close()
  })

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    for (const server of processes.splice(0)) {
      server.child.kill('SIGKILL')
      await server.exited
    }
    await redis.stop()
    database.remove()
  })

  const node = async (env: Record<string, string> = redis.env) => {
    const server = await spawnServer(database.url, await freePort(), env)
    processes.push(server)
    return server
  }

  const member = (server: ServerProcess, name: string) =>
    connectMember(server.url, group, name, clients)

  it(
    'keeps every edit the dead node relayed, and the other node goes on',
    { timeout: 60_000 },
    async () => {
      const [a, b] = [await node(), await node()]
      const alice = await member(a, 'Alice')
      const bo = await member(b, 'Bo')
      const fromA = ['a1', 'a2', 'a3', 'a4', 'a5']
      for (const edit of fromA) appendLine(alice.doc, edit, 'edits')
      await waitFor(() => items(bo).length === fromA.length, 10_000, 'relayed across nodes')

      a.child.kill('SIGKILL') // right after its edits reached a member of another node
      await a.exited
      appendLine(bo.doc, 'b1', 'edits')
      const cecilia = await member(b, 'Cecilia') // Alice's colleague, moved to the live node
      await waitFor(() => items(cecilia).length === 6, 10_000, 'the live node serves all')

      // And the shared log holds it all: a node started afresh, with no Redis, reads it.
      const fresh = await node({})
      const reader = await member(fresh, 'Läsare')
      expect([...items(reader)].sort()).toEqual([...fromA, 'b1'].sort())
    },
  )
})
