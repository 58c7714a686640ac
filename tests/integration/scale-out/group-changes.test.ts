import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { listenForGroupChanges } from '../../../client/src/sync/group-changes.ts'
import type { RunningServer } from '../../../server/server.ts'
import type { GroupPart } from '../../../shared/protocol/group-changed.ts'
import { MessageType } from '../../../shared/protocol/messages.ts'
import { readAgenda } from '../../../shared/workspace/index.ts'
import type { MeetingSummary } from '../../../shared/api.ts'
import { connectClient, waitFor, waitForSync, type TestClient } from '../../helpers/clients.ts'
import { makeTempDatabase } from '../../helpers/database.ts'
import { createTestGroup, joinGroup, type TestGroup } from '../../helpers/fixtures.ts'
import { startRedis, type TestRedis } from '../../helpers/redis.ts'
import { startTestServer } from '../../helpers/server.ts'

describe('scale-out: a change to the group’s meetings or members reaches every node’s pages', () => {
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
    vi.restoreAllMocks()
    for (const client of clients.splice(0)) client.destroy()
    for (const node of nodes.splice(0)) await node.close()
    await redis.stop()
    database.remove()
  })

  /** A member's WebsocketProvider on `node`, synced, with what it was told and when. */
  async function pageOn(node: RunningServer, name: string, hears = true) {
    const session = await joinGroup(node.url, group.invites.participant, name)
    // A page that does not hear them is y-websocket's provider as it comes.
    const client = connectClient(node.url, group.room, session, { stock: !hears })
    clients.push(client)
    const told: { part: GroupPart; at: number }[] = []
    if (hears) listenForGroupChanges(client.provider, (part) => told.push({ part, at: Date.now() }))
    await waitForSync(client)
    return { client, told }
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

  it('a meeting created through node A reaches a page on node B within a second', async () => {
    const [a, b] = nodes as [RunningServer, RunningServer]
    const onB = await pageOn(b, 'Bo på B')
    const call = await asFacilitator(a)
    const started = Date.now()
    const created = await call('POST', '/meetings', { kind: 'extra', title: 'Extra träff' })
    expect(created.status).toBe(201)
    await waitFor(
      () => onB.told.some(({ part }) => part === 'meetings'),
      1000,
      'meetings changed, on B',
    )
    expect(onB.told.find(({ part }) => part === 'meetings')!.at - started).toBeLessThan(1000)

    // Archive, order, delete and undelete are told the same way.
    const meeting = (await created.json()) as MeetingSummary
    const count = () => onB.told.filter(({ part }) => part === 'meetings').length
    for (const [method, path, body] of [
      ['POST', `/meetings/${meeting.id}/archive`],
      ['PUT', '/meetings/order', { meetingIds: [meeting.id] }],
      ['DELETE', `/meetings/${meeting.id}`],
      ['POST', `/meetings/${meeting.id}/undelete`],
    ] as const) {
      const before = count()
      expect((await call(method, path, body)).status, `${method} ${path}`).toBe(200)
      await waitFor(() => count() > before, 1000, `${method} ${path} told on B`)
    }
  })

  it('a member joining through node B reaches a page on node A as a members change', async () => {
    const [a, b] = nodes as [RunningServer, RunningServer]
    const onA = await pageOn(a, 'Alva på A')
    const before = onA.told.length
    await joinGroup(b.url, group.invites.viewer, 'Ny Åhörare')
    await waitFor(
      () => onA.told.slice(before).some(({ part }) => part === 'members'),
      1000,
      'members changed, on A',
    )
  })

  it('a page that lost its socket is told both parts changed when it is back', async () => {
    const onA = await pageOn(nodes[0]!, 'Alva på A')
    // A node's first connection to Redis tells the rooms loaded before it both parts too.
    const before = onA.told.length
    // What was told while it was away is not sent again: it reads both parts instead.
    onA.client.provider.ws?.close()
    await waitFor(
      () =>
        onA.told
          .slice(before)
          .map(({ part }) => part)
          .sort()
          .join() === 'meetings,members',
      5000,
      'both parts after the reconnection',
    )
  })

  it('a provider without the handler (a page from before) stays connected and in sync', async () => {
    const unable = vi.spyOn(console, 'error').mockImplementation(() => {})
    const [a, b] = nodes as [RunningServer, RunningServer]
    const old = await pageOn(b, 'Gammal Flik', false)
    const call = await asFacilitator(a)
    const created = (await (
      await call('POST', '/meetings', { kind: 'extra', title: 'Efter' })
    ).json()) as MeetingSummary
    await waitFor(
      () => old.client.framesReceived(MessageType.GroupChanged) > 0,
      1000,
      'the frame reached the old page',
    )
    // y-websocket logs that it cannot read the frame and carries on: the meeting's
    // structure, a document update sent with it, arrives, and the socket stays open.
    expect(unable).toHaveBeenCalledWith('Unable to compute message')
    await waitFor(() => readAgenda(old.client.doc, created.id).length > 0, 2000, 'the agenda')
    expect(old.client.provider.wsconnected).toBe(true)
  })
})
