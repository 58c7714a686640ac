import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ensureDemo, type DemoGroupLinks } from '../../../server/demo/ensure-demo.ts'
import type { RunningServer } from '../../../server/server.ts'
import type { ScoringRoundResponse } from '../../../shared/scoring-api.ts'
import {
  checklistScoresOf,
  getChecklistComment,
  readMeetingControl,
} from '../../../shared/workspace/index.ts'
import { connectClient, waitFor, waitForSync, type TestClient } from '../../helpers/clients.ts'
import { makeTempDatabase } from '../../helpers/database.ts'
import { startTestServer } from '../../helpers/server.ts'

const SECRET_COMMENT = 'Förseglad kommentar från Askersund'
const ITEM = 'skr2019-3'

describe('sealed checklist scoring', () => {
  let database: ReturnType<typeof makeTempDatabase>
  let server: RunningServer
  let group: DemoGroupLinks
  let meetingId: string
  let [ownOrganisation, otherOrganisation] = ['', '']
  const clients: TestClient[] = []

  /** Joins through the API; returns the session token. */
  async function join(role: 'facilitator' | 'participant' | 'viewer', organisationId?: string) {
    const response = await fetch(`${server.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invite: group.invites[role], name: `Test ${role}`, organisationId }),
    })
    expect(response.status).toBe(200)
    return ((await response.json()) as { session: string }).session
  }

  const call = async (session: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}/api/rooms/${group.room}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${session}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: response.status, body: (await response.json()) as ScoringRoundResponse }
  }

  beforeAll(async () => {
    database = makeTempDatabase()
    server = await startTestServer(database.url)
    const round = await ensureDemo(server.services, { publicUrl: server.url, live: true })
    group = round.groups[0]!
    const organisations = await server.services.groups.organisationsOf(group.id)
    ;[ownOrganisation, otherOrganisation] = [organisations[0]!.id, organisations[1]!.id]
    const meetings = await server.services.meetings.list(group.id)
    meetingId = meetings.find((m) => m.kind === 'bm1')!.id
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await server.close()
    database.remove()
  })

  it('keeps scores from other organisations, sockets included, until the reveal', async () => {
    const mentor = await join('facilitator')
    const own = await join('participant', ownOrganisation)
    const other = await join('participant', otherOrganisation)

    expect((await call(own, 'POST', `/meetings/${meetingId}/scoring`)).status).toBe(403)
    const opened = await call(mentor, 'POST', `/meetings/${meetingId}/scoring`)
    expect(opened.status).toBe(201)
    const roundId = opened.body.roundId

    const score = {
      organisationId: ownOrganisation,
      itemId: ITEM,
      score: 3,
      comment: SECRET_COMMENT,
    }
    expect((await call(other, 'PUT', `/scoring/${roundId}/scores`, score)).status).toBe(403)
    expect((await call(own, 'PUT', `/scoring/${roundId}/scores`, score)).status).toBe(200)
    expect(
      (
        await call(own, 'PUT', `/scoring/${roundId}/done`, {
          organisationId: ownOrganisation,
          done: true,
        })
      ).status,
    ).toBe(200)

    // The other organisation sees that Askersund is done, never what it scored.
    const seenByOther = await call(other, 'GET', `/scoring/${roundId}`)
    expect(seenByOther.body.scores[ownOrganisation]).toBeUndefined()
    expect(JSON.stringify(seenByOther.body)).not.toContain(SECRET_COMMENT)
    expect(seenByOther.body.organisations).toContainEqual({
      organisationId: ownOrganisation,
      scored: 1,
      done: true,
    })
    expect((await call(own, 'GET', `/scoring/${roundId}`)).body.scores[ownOrganisation]).toEqual({
      [ITEM]: { score: 3, comment: SECRET_COMMENT },
    })
    expect(
      (await call(mentor, 'GET', `/scoring/${roundId}`)).body.scores[ownOrganisation],
    ).toBeDefined()

    // A raw socket of the other organisation gets the whole workspace: no sealed score in it.
    const socket = connectClient(server.url, group.room, other)
    clients.push(socket)
    await waitForSync(socket)
    const everything = Buffer.from(Y.encodeStateAsUpdate(socket.doc)).toString('utf8')
    expect(everything).not.toContain(SECRET_COMMENT)
    expect(getChecklistComment(socket.doc, ownOrganisation, 'bm1', ITEM)?.toString() ?? '').toBe('')
    expect(readMeetingControl(socket.doc, meetingId).scoring?.state).toBe('open')

    // While the round is open, the relay refuses direct checklist writes of that phase.
    checklistScoresOf(socket.doc).set(`${otherOrganisation}|bm1|${ITEM}`, 1)
    await waitFor(() => socket.provider.wsconnected === false, 5000, 'the refusal')

    expect((await call(own, 'POST', `/scoring/${roundId}/reveal`)).status).toBe(403)
    const revealed = await call(mentor, 'POST', `/scoring/${roundId}/reveal`)
    expect(revealed.status).toBe(200)
    expect(revealed.body.state).toBe('revealed')

    const after = connectClient(server.url, group.room, other)
    clients.push(after)
    await waitForSync(after)
    expect(checklistScoresOf(after.doc).get(`${ownOrganisation}|bm1|${ITEM}`)).toBe(3)
    expect(getChecklistComment(after.doc, ownOrganisation, 'bm1', ITEM)?.toString()).toBe(
      SECRET_COMMENT,
    )
    expect(readMeetingControl(after.doc, meetingId).scoring?.state).toBe('revealed')
    expect((await call(own, 'PUT', `/scoring/${roundId}/scores`, score)).status).toBe(409)
  })
})
