import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { encodePeerMessage } from '../../../server/scale-out/peer-message.ts'
import { makePeerSeal } from '../../../server/scale-out/peer-seal.ts'
import type { RunningServer } from '../../../server/server.ts'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'
import { PEER_NODE_ID_BYTES, peerChannel, PeerKind } from '../../../shared/protocol/peer.ts'
import {
  connectClient,
  sleep,
  waitFor,
  waitForSync,
  type TestClient,
} from '../../helpers/clients.ts'
import { makeTempDatabase } from '../../helpers/database.ts'
import {
  connectMember,
  createTestGroup,
  joinGroup,
  type TestGroup,
} from '../../helpers/fixtures.ts'
import { startRedis, type TestRedis } from '../../helpers/redis.ts'
import { startTestServer } from '../../helpers/server.ts'
import { testText, testWorkspaceUpdate } from '../../helpers/workspace.ts'

const notes = (client: TestClient) => testText(client.doc).toString()

const edit = (client: TestClient, marker: string) => testText(client.doc).insert(0, `[${marker}]`)

/** Every marker is in the client's text. */
const hasAll = (client: TestClient, markers: readonly string[]) =>
  markers.every((marker) => notes(client).includes(`[${marker}]`))

const markers = (who: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${who}${i}`)

async function health(node: RunningServer): Promise<{ redis?: string }> {
  return (await (await fetch(`${node.url}/healthz`)).json()) as { redis?: string }
}

describe('scale-out: two nodes on one database and one Redis', () => {
  let redis: TestRedis
  let database: ReturnType<typeof makeTempDatabase>
  const nodes: RunningServer[] = []
  const clients: TestClient[] = []
  let group: TestGroup

  const startNode = async (env: Record<string, string> = {}) => {
    const node = await startTestServer(database.url, { ...redis.env, ...env })
    nodes.push(node)
    return node
  }

  const connect = (node: RunningServer, name: string) =>
    connectMember(node.url, group, name, clients)

  beforeEach(async () => {
    redis = await startRedis()
    database = makeTempDatabase()
  })

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    for (const node of nodes.splice(0)) await node.close()
    await redis.stop()
    database.remove()
  })

  const twoNodes = async (env: Record<string, string> = {}) => {
    const [a, b] = [await startNode(env), await startNode(env)] as const
    group = await createTestGroup(a.services.db, a.services.invitations, 'noder')
    return { a, b }
  }

  it('members on different nodes converge on concurrent edits and see each other', async () => {
    const { a, b } = await twoNodes()
    const alice = await connect(a, 'Alice')
    const bo = await connect(b, 'Bo')
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice' })

    for (let i = 0; i < 20; i++) {
      edit(alice, `a${i}`)
      edit(bo, `b${i}`)
      if (i % 5 === 0) await sleep(5)
    }
    const all = [...markers('a', 20), ...markers('b', 20)]
    await waitFor(() => hasAll(alice, all) && hasAll(bo, all), 5000, 'both have every edit')
    expect(notes(alice)).toBe(notes(bo))
    await waitFor(
      () => [...bo.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Alice'),
      5000,
      "Alice's presence on the other node",
    )
    expect((await health(a)).redis).toBe('ok')
  })

  it('a node that compacts while Redis lags keeps the other node’s edits', async () => {
    const { a, b } = await twoNodes({ COMPACT_AFTER_UPDATES: '3' })
    const alice = await connect(a, 'Alice')
    const bo = await connect(b, 'Bo')
    redis.pause()
    for (const marker of markers('a', 5)) edit(alice, marker)
    // Alice's edits are committed on A (A has compacted them), but B never heard of them.
    await waitFor(() => hasAll(alice, markers('a', 5)), 2000, 'local edits')
    await sleep(300)
    for (const marker of markers('b', 5)) edit(bo, marker)
    // B compacts its log entries, which have higher ids than Alice's: its snapshot must
    // hold Alice's edits too, or folding the log would drop them.
    await waitFor(() => hasAll(bo, markers('a', 5)), 5000, "B read Alice's edits from the log")
    redis.resume()
    for (const client of clients.splice(0)) client.destroy()
    for (const node of nodes.splice(0)) await node.close()

    const c = await startTestServer(database.url)
    nodes.push(c)
    const late = await connect(c, 'Cecilia')
    expect(hasAll(late, [...markers('a', 5), ...markers('b', 5)])).toBe(true)
    const snapshots = await c.services.store.listSnapshots(group.room)
    expect(snapshots.length).toBeGreaterThan(1)
  })

  it('after a Redis outage, members on both nodes catch up with what was edited meanwhile', async () => {
    const { a, b } = await twoNodes()
    const alice = await connect(a, 'Alice')
    const bo = await connect(b, 'Bo')
    edit(alice, 'before')
    await waitFor(() => hasAll(bo, ['before']), 5000, 'relayed before the outage')

    await redis.stop()
    await waitFor(() => a.services.bus?.status() === 'down', 5000, 'A sees Redis down')
    expect((await health(a)).redis).toBe('down')
    edit(alice, 'during-a')
    edit(bo, 'during-b')
    await sleep(300)
    expect(hasAll(bo, ['during-a'])).toBe(false) // nothing can carry it now

    await redis.start()
    const all = ['before', 'during-a', 'during-b']
    await waitFor(() => hasAll(alice, all) && hasAll(bo, all), 15_000, 'caught up after the outage')
    edit(bo, 'after')
    await waitFor(() => hasAll(alice, ['after']), 5000, 'relayed after the outage')
    expect(notes(alice)).toBe(notes(bo))
  })

  it('leaving the group on one node closes that session’s connections on the other', async () => {
    const { a, b } = await twoNodes()
    const session = await joinGroup(a.url, group.invites.participant, 'Lämnar')
    const elsewhere = connectClient(b.url, group.room, session)
    clients.push(elsewhere)
    await waitForSync(elsewhere)
    const staying = await connect(b, 'Stannar')
    const closeCodes: number[] = []
    elsewhere.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event) closeCodes.push(event.code)
    })

    const left = await fetch(`${a.url}/api/rooms/${group.room}/leave`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session}` },
    })
    expect(left.status).toBe(200)
    await waitFor(() => closeCodes.includes(CloseCode.SessionExpired), 5000, 'close 4401 on B')
    expect(staying.provider.wsconnected).toBe(true)
  })

  it('ignores malformed messages on a room’s channel and goes on relaying', async () => {
    const { a, b } = await twoNodes()
    const alice = await connect(a, 'Alice')
    const bo = await connect(b, 'Bo')
    // Sealed with the deployment's key, so they pass the seal and reach the decoding
    // (unsealed, they would only test the seal: the next test does that).
    const peer = new Redis(redis.url)
    const channel = peerChannel(group.room)
    const sealed = makePeerSeal(Buffer.from(redis.env.PEER_KEY, 'hex'))
    const send = (frame: Uint8Array) => peer.publish(channel, sealed.seal(channel, frame))
    const header = (kind: number) => Buffer.concat([Buffer.from([kind]), Buffer.alloc(16, 7)])
    try {
      await send(Buffer.from([1, 2, 3])) // shorter than a header
      await send(Buffer.concat([header(99), Buffer.from('x')])) // an unknown kind
      await send(Buffer.concat([header(PeerKind.Update), Buffer.from([255, 255, 255])]))
      await send(Buffer.concat([header(PeerKind.Awareness), Buffer.from([9])]))
      await send(Buffer.concat([header(PeerKind.Awareness), Buffer.from([1, 5, 1, 2, 0x7b])]))
      // Then a well-formed update on the same channel: B applies it, so it read the
      // garbage before it (one channel, in order) and went on.
      const after = new Y.Doc()
      Y.applyUpdate(after, testWorkspaceUpdate()) // the test text the members read
      testText(after).insert(0, '[after-garbage]')
      await send(Buffer.concat([header(PeerKind.Update), Y.encodeStateAsUpdate(after)]))
    } finally {
      peer.disconnect()
    }
    await waitFor(() => hasAll(bo, ['after-garbage']), 5000, 'a sealed update after the garbage')
    edit(alice, 'still-works')
    await waitFor(() => hasAll(bo, ['still-works']), 5000, 'relayed after the garbage')
    expect((await health(b)).redis).toBe('ok')
  })

  it('seals what crosses Redis: a listener reads no edit, an intruder without the key injects none', async () => {
    const { a, b } = await twoNodes()
    const alice = await connect(a, 'Alice')
    const bo = await connect(b, 'Bo')
    const channel = peerChannel(group.room)
    const listener = new Redis(redis.url)
    const intruder = new Redis(redis.url)
    const heard: Buffer[] = []
    try {
      listener.on('messageBuffer', (_channel: Buffer, message: Buffer) => heard.push(message))
      await listener.subscribe(channel)
      edit(alice, 'secret-minutes')
      await waitFor(() => hasAll(bo, ['secret-minutes']), 5000, 'relayed from A to B')
      await waitFor(() => heard.length > 0, 5000, 'the listener hears the channel')
      expect(heard.some((message) => message.includes(Buffer.from('secret-minutes')))).toBe(false)

      // A well-formed update, first unsealed, then sealed with another key, then sealed
      // with the right key for another room's channel.
      // In the members' own text, so an injection that got through would show there.
      const forged = new Y.Doc()
      Y.applyUpdate(forged, testWorkspaceUpdate())
      testText(forged).insert(0, '[injected]')
      const frame = encodePeerMessage(randomBytes(PEER_NODE_ID_BYTES), {
        kind: PeerKind.Update,
        payload: Y.encodeStateAsUpdate(forged),
      })
      const rightKey = makePeerSeal(Buffer.from(redis.env.PEER_KEY, 'hex'))
      await intruder.publish(channel, frame)
      await intruder.publish(channel, makePeerSeal(randomBytes(32)).seal(channel, frame))
      await intruder.publish(channel, rightKey.seal(peerChannel('another-room'), frame))
    } finally {
      listener.disconnect()
      intruder.disconnect()
    }
    // The intruder's messages reached B's subscriber before this edit's (one channel, in order).
    edit(alice, 'after-intruder')
    await waitFor(() => hasAll(bo, ['after-intruder']), 5000, 'relayed after the intruder')
    expect(notes(bo)).not.toContain('injected')
    expect(notes(alice)).not.toContain('injected')
  })
})
