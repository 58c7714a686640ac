import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../../server/server.ts'
import type { SessionResponse } from '../../../shared/api.ts'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'
import { connectClient, waitFor, waitForSync, type TestClient } from '../../helpers/clients.ts'
import { makeTempDatabase } from '../../helpers/database.ts'
import { createTestGroup, joinGroup, type TestGroup } from '../../helpers/fixtures.ts'
import { startRedis, type TestRedis } from '../../helpers/redis.ts'
import { startTestServer } from '../../helpers/server.ts'

describe('scale-out: a facilitator’s change to a member reaches every node', () => {
  let redis: TestRedis
  let database: ReturnType<typeof makeTempDatabase>
  let nodes: RunningServer[] = []
  const clients: TestClient[] = []
  let group: TestGroup

  beforeEach(async () => {
    redis = await startRedis()
    database = makeTempDatabase()
    nodes = [
      await startTestServer(database.url, redis.env),
      await startTestServer(database.url, redis.env),
    ]
    group = await createTestGroup(nodes[0]!.services.db, nodes[0]!.services.invitations, 'noder')
  })
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    for (const node of nodes.splice(0)) await node.close()
    await redis.stop()
    database.remove()
  })

  /** The member's session connected on both nodes, and the codes each socket closed with. */
  async function onBothNodes(role: 'participant' | 'viewer', name: string) {
    const [a, b] = nodes as [RunningServer, RunningServer]
    const session = await joinGroup(a.url, group.invites[role], name)
    const response = await fetch(`${a.url}/api/rooms/${group.room}/session`, {
      headers: { authorization: `Bearer ${session}` },
    })
    const { participant } = (await response.json()) as SessionResponse
    const sockets = [a, b].map((node) => {
      const client = connectClient(node.url, group.room, session)
      clients.push(client)
      const codes: number[] = []
      client.provider.on('connection-close', (event) => event && codes.push(event.code))
      return { client, codes }
    })
    await Promise.all(sockets.map(({ client }) => waitForSync(client)))
    return { id: participant.id, sockets }
  }

  const asFacilitator = async (node: RunningServer) => {
    const session = await joinGroup(node.url, group.invites.facilitator, 'Lea Ledare')
    return (method: string, path: string, body?: unknown) =>
      fetch(`${node.url}/api/rooms/${group.room}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${session}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
  }

  it('a removed member’s sockets close with 4401 within a second on both nodes', async () => {
    const removed = await onBothNodes('participant', 'Tas Bort')
    const call = await asFacilitator(nodes[0]!)
    const started = Date.now()
    expect((await call('DELETE', `/members/${removed.id}`)).status).toBe(200)
    await waitFor(
      () => removed.sockets.every(({ codes }) => codes.includes(CloseCode.SessionExpired)),
      1000,
      'close 4401 on A and B',
    )
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('a role change closes the member’s sockets on both nodes to reconnect (4205)', async () => {
    const vera = await onBothNodes('viewer', 'Vera')
    const call = await asFacilitator(nodes[1]!)
    expect((await call('PATCH', `/members/${vera.id}`, { role: 'participant' })).status).toBe(200)
    await waitFor(
      () => vera.sockets.every(({ codes }) => codes.includes(CloseCode.RoleChanged)),
      1000,
      'close 4205 on A and B',
    )
    await waitFor(
      () => vera.sockets.every(({ client }) => client.provider.wsconnected),
      5000,
      'reconnected on both',
    )
  })
})
