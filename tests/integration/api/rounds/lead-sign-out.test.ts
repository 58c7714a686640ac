import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureDemo, type DemoRound } from '../../../../server/demo/ensure-demo.ts'
import type { RunningServer } from '../../../../server/server.ts'
import type { JoinResponse } from '../../../../shared/api.ts'
import { CloseCode } from '../../../../shared/protocol/close-codes.ts'
import type { LeadSessionResponse } from '../../../../shared/rounds-api.ts'
import { connectClient, waitFor, waitForSync, type TestClient } from '../../../helpers/clients.ts'
import { makeTempDatabase } from '../../../helpers/database.ts'
import { startTestServer } from '../../../helpers/server.ts'

const KOMMUNER = 'modellkommuner-2019-2020'

/**
 * A round lead works in a group only as the processledare they became by entering it; the
 * session that came with it must not outlive their signing out (a shared computer at a
 * conference: the next person must not be left in the groups).
 */
describe('signing out as round lead', () => {
  let database: ReturnType<typeof makeTempDatabase>
  let server: RunningServer
  let demo: DemoRound
  const clients: TestClient[] = []

  beforeAll(async () => {
    database = makeTempDatabase()
    server = await startTestServer(database.url)
    demo = await ensureDemo(server.services, { publicUrl: server.url })
  })
  afterAll(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
    database.remove()
  })

  const call = (method: string, path: string, token: string) =>
    fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${token}` } })

  function connect(room: string, session: string) {
    const client = connectClient(server.url, room, session)
    clients.push(client)
    const codes: number[] = []
    client.provider.on('connection-close', (event) => event && codes.push(event.code))
    return { client, codes }
  }

  it('ends the group sessions the lead got by entering groups, and closes their sockets', async () => {
    const { token } = await server.services.leads.invite({
      cohortId: KOMMUNER,
      expiresAt: new Date(Date.now() + 60_000),
      createdBy: null,
    })
    const joined = await fetch(`${server.url}/api/lead/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, displayName: 'Karin Omgång' }),
    })
    const lead = ((await joined.json()) as LeadSessionResponse).session!

    const [first, second] = demo.groups
    const enter = async (groupId: string) => {
      const response = await call('POST', `/api/rounds/${KOMMUNER}/groups/${groupId}/enter`, lead)
      expect(response.status).toBe(200)
      return ((await response.json()) as JoinResponse).session
    }
    const inFirst = await enter(first!.id)
    const inSecond = await enter(second!.id)
    // A facilitator of the group, there on their own invitation: not the lead's to end.
    const own = await fetch(`${server.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invite: first!.invites.facilitator, name: 'Anna Mentor' }),
    })
    const facilitator = ((await own.json()) as JoinResponse).session

    const leadSocket = connect(first!.room, inFirst)
    const facilitatorSocket = connect(first!.room, facilitator)
    await waitForSync(leadSocket.client)
    await waitForSync(facilitatorSocket.client)

    expect((await call('DELETE', '/api/lead/session', lead)).status).toBe(200)

    const closedAt = Date.now()
    await waitFor(() => leadSocket.codes.includes(CloseCode.SessionExpired), 1000, 'close 4401')
    expect(Date.now() - closedAt).toBeLessThan(1000)
    expect((await call('GET', `/api/rooms/${first!.room}/session`, inFirst)).status).toBe(401)
    expect((await call('GET', `/api/rooms/${second!.room}/session`, inSecond)).status).toBe(401)
    expect((await call('GET', '/api/lead/session', lead)).status).toBe(401)

    // The group's own facilitator stays in.
    expect((await call('GET', `/api/rooms/${first!.room}/session`, facilitator)).status).toBe(200)
    expect(facilitatorSocket.codes).toEqual([])
    expect(facilitatorSocket.client.provider.wsconnected).toBe(true)
  })
})
