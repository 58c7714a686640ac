import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../../server/server.ts'
import type { SessionResponse } from '../../../shared/api.ts'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'
import type { LeadSessionResponse } from '../../../shared/rounds-api.ts'
import { connectClient, waitFor, waitForSync, type TestClient } from '../../helpers/clients.ts'
import { makeTempDatabase } from '../../helpers/database.ts'
import { createTestGroup, joinGroup, type TestGroup } from '../../helpers/fixtures.ts'
import { startRedis, type TestRedis } from '../../helpers/redis.ts'
import { startTestServer } from '../../helpers/server.ts'

const COHORT = 'test-cohort'

/** Names in a client's view of the room's presence. */
const namesSeenBy = (client: TestClient): string[] =>
  [...client.provider.awareness.getStates().values()].flatMap((state) => {
    const name = (state as { user?: { name?: unknown } }).user?.name
    return typeof name === 'string' ? [name] : []
  })

describe('scale-out: a round lead’s erasure of a person reaches every node', () => {
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
    group = await createTestGroup(nodes[0]!.services.db, nodes[0]!.services.invitations, 'radera')
  })
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    for (const node of nodes.splice(0)) await node.close()
    await redis.stop()
    database.remove()
  })

  const connect = (node: RunningServer, session: string, name: string) => {
    const client = connectClient(node.url, group.room, session)
    clients.push(client)
    // The relay stamps the name from the session; the client only says it is present.
    client.provider.awareness.setLocalStateField('user', { name })
    const codes: number[] = []
    client.provider.on('connection-close', (event) => event && codes.push(event.code))
    return { client, codes }
  }

  /** A round lead of the test round, signed in on `node` by a one-time link. */
  async function leadOn(node: RunningServer) {
    const { token } = await node.services.leads.invite({
      cohortId: COHORT,
      expiresAt: new Date(Date.now() + 60_000),
      createdBy: null,
    })
    const response = await fetch(`${node.url}/api/lead/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, displayName: 'Karin Omgång' }),
    })
    const { session } = (await response.json()) as LeadSessionResponse
    return (path: string) =>
      fetch(`${node.url}/api/rounds/${COHORT}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session}`, 'content-type': 'application/json' },
        body: '{}',
      })
  }

  it('closes the person’s sockets with 4401 within a second on both nodes; the name leaves presence', async () => {
    const [a, b] = nodes as [RunningServer, RunningServer]
    const session = await joinGroup(a.url, group.invites.participant, 'Tas Bort')
    const me = await fetch(`${a.url}/api/rooms/${group.room}/session`, {
      headers: { authorization: `Bearer ${session}` },
    })
    const { participant } = (await me.json()) as SessionResponse
    const erased = [connect(a, session, 'Tas Bort'), connect(b, session, 'Tas Bort')]
    const observerSession = await joinGroup(b.url, group.invites.participant, 'Olle Observatör')
    const observer = connect(b, observerSession, 'Olle Observatör')
    await Promise.all([...erased, observer].map(({ client }) => waitForSync(client)))
    await waitFor(
      () => namesSeenBy(observer.client).filter((name) => name === 'Tas Bort').length === 2,
      5000,
      'the person present through both nodes',
    )

    const erase = await leadOn(a)
    const started = Date.now()
    expect((await erase(`/participants/${participant.id}/erase`)).status).toBe(200)
    await waitFor(
      () => erased.every(({ codes }) => codes.includes(CloseCode.SessionExpired)),
      1000,
      'close 4401 on A and B',
    )
    expect(Date.now() - started).toBeLessThan(1000)
    await waitFor(
      () => !namesSeenBy(observer.client).includes('Tas Bort'),
      2000,
      'the name gone from the observer’s presence',
    )

    // A fresh connection sees nobody by that name, and the person cannot come back.
    const again = connect(a, observerSession, 'Olle Observatör')
    await waitForSync(again.client)
    await waitFor(
      () => namesSeenBy(again.client).includes('Olle Observatör'),
      2000,
      'the reconnected observer sees the room',
    )
    expect(namesSeenBy(again.client)).not.toContain('Tas Bort')
    const refused = await fetch(`${b.url}/api/rooms/${group.room}/session`, {
      headers: { authorization: `Bearer ${session}` },
    })
    expect(refused.status).toBe(401)
  })
})
