import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { loadDoc } from '../../../server/domain/doc-writer.ts'
import { encodeUpdate } from '../../../server/relay/protocol.ts'
import type { MembersResponse, SessionResponse } from '../../../shared/api.ts'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'
import { MessageType } from '../../../shared/protocol/messages.ts'
import type { Role } from '../../../shared/roles.ts'
import { connectClient, waitFor, waitForSync, type TestClient } from '../../helpers/clients.ts'
import { joinGroup } from '../../helpers/fixtures.ts'
import { useRelayServer, type RelayFixture } from '../../helpers/relay-server.ts'
import { testText, testWorkspaceUpdate } from '../../helpers/workspace.ts'

/** A member joined by invitation: their session token and participant id. */
async function member(relay: RelayFixture, role: Role, name: string) {
  const session = await joinGroup(relay.server.url, relay.group.invites[role], name)
  const response = await fetch(`${relay.server.url}/api/rooms/${relay.group.room}/session`, {
    headers: { authorization: `Bearer ${session}` },
  })
  const { participant } = (await response.json()) as SessionResponse
  return { session, id: participant.id }
}

/** A facilitator's call on the members API. */
const facilitatorCall =
  (relay: RelayFixture, session: string) => (method: string, path: string, body?: unknown) =>
    fetch(`${relay.server.url}/api/rooms/${relay.group.room}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${session}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })

const closeCodesOf = (client: TestClient): number[] => {
  const codes: number[] = []
  client.provider.on('connection-close', (event) => event && codes.push(event.code))
  return codes
}

/** Resolves once the server has read every frame sent before (it answers a presence query). */
function roundTrip(socket: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    const answer = (data: Buffer) => {
      if (data[0] !== MessageType.Awareness) return
      socket.off('message', answer)
      resolve()
    }
    socket.on('message', answer)
    socket.send(Uint8Array.of(MessageType.QueryAwareness))
  })
}

/** An edit of the test text, as an update built on the structure the room holds. */
function editOf(content: string): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, testWorkspaceUpdate())
  let update: Uint8Array | null = null
  doc.on('update', (u: Uint8Array) => (update = u))
  testText(doc).insert(0, content)
  if (!update) throw new Error('no update')
  return update
}

describe('relay: a facilitator’s change to a member reaches their open connections at once', () => {
  const relay = useRelayServer('medlemmar')

  it('a removed member’s socket closes with 4401 within a second and cannot come back', async () => {
    const lead = await member(relay, 'facilitator', 'Lea Ledare')
    const removed = await member(relay, 'participant', 'Tas Bort')
    const client = connectClient(relay.server.url, relay.group.room, removed.session)
    const staying = await relay.connect('participant', 'Stannar')
    try {
      const codes = closeCodesOf(client)
      await waitForSync(client)
      const started = Date.now()
      const response = await facilitatorCall(relay, lead.session)(
        'DELETE',
        `/members/${removed.id}`,
      )
      expect(response.status).toBe(200)
      await waitFor(() => codes.includes(CloseCode.SessionExpired), 1000, 'close 4401')
      expect(Date.now() - started).toBeLessThan(1000)
      expect(staying.provider.wsconnected).toBe(true)
      // The provider would try again; the ended session's upgrade is refused, so it stays out.
      const again = await fetch(`${relay.server.url}/api/rooms/${relay.group.room}/session`, {
        headers: { authorization: `Bearer ${removed.session}` },
      })
      expect(again.status).toBe(401)
    } finally {
      client.destroy()
    }
  })

  it('a downgrade to viewer stops that socket’s writes at once; it comes back as a viewer', async () => {
    const lead = await member(relay, 'facilitator', 'Lea Ledare')
    const pia = await member(relay, 'participant', 'Pia')
    const bo = await relay.connect('participant', 'Bo')
    const url = `${relay.server.url.replace(/^http/, 'ws')}/ws/${relay.group.room}?session=${pia.session}`
    const raw = new WebSocket(url)
    const closed = new Promise<number>((resolve) => {
      raw.once('close', (code) => resolve(code))
      setTimeout(() => resolve(0), 2000).unref() // not closed: fail here, not at the timeout
    })
    await new Promise((resolve, reject) => {
      raw.once('open', resolve)
      raw.once('error', reject)
    })
    await roundTrip(raw)
    raw.send(encodeUpdate(editOf('[före]')))
    await waitFor(() => testText(bo.doc).toString().includes('[före]'), 5000, 'a write before')

    // Pia's socket does not read the server's close frame yet, so it still sends after the
    // change: the server must not take that write.
    raw.pause()
    const changed = await facilitatorCall(relay, lead.session)('PATCH', `/members/${pia.id}`, {
      role: 'viewer',
    })
    expect(changed.status).toBe(200)
    raw.send(encodeUpdate(editOf('[efter]')))
    raw.resume()
    expect(await closed).toBe(CloseCode.RoleChanged)
    // Bo hears a later write of his own, so anything sent before it has been relayed.
    testText(bo.doc).insert(0, '[bo]')
    await waitFor(() => testText(bo.doc).toString().includes('[bo]'), 5000, 'Bo')
    const stored = await loadDoc(relay.server.services.store, relay.group.room)
    expect(testText(stored).toString()).toContain('[före]')
    expect(testText(stored).toString()).not.toContain('[efter]')
    expect(testText(bo.doc).toString()).not.toContain('[efter]')

    // The same session connects again, now read-only: a write is refused (4423).
    const again = connectClient(relay.server.url, relay.group.room, pia.session)
    try {
      const codes = closeCodesOf(again)
      await waitForSync(again)
      testText(again.doc).insert(0, '[som åhörare]')
      await waitFor(() => codes.includes(CloseCode.WriteRefused), 5000, 'refused as a viewer')
    } finally {
      again.destroy()
    }
  })

  it('an upgrade to participant: the client reconnects by itself and may write', async () => {
    const lead = await member(relay, 'facilitator', 'Lea Ledare')
    const vera = await member(relay, 'viewer', 'Vera')
    const bo = await relay.connect('participant', 'Bo')
    const client = connectClient(relay.server.url, relay.group.room, vera.session)
    try {
      const codes = closeCodesOf(client)
      await waitForSync(client)
      const changed = await facilitatorCall(relay, lead.session)('PATCH', `/members/${vera.id}`, {
        role: 'participant',
      })
      expect(changed.status).toBe(200)
      await waitFor(() => codes.includes(CloseCode.RoleChanged), 1000, 'close 4205')
      await waitFor(() => client.provider.wsconnected && client.provider.synced, 5000, 'back')
      testText(client.doc).insert(0, '[Vera skriver]')
      await waitFor(
        () => testText(bo.doc).toString().includes('[Vera skriver]'),
        5000,
        'her write relayed',
      )
      expect(codes).not.toContain(CloseCode.WriteRefused)
    } finally {
      client.destroy()
    }
  })

  it('lists who is online now and when each was last seen', async () => {
    const lead = await member(relay, 'facilitator', 'Lea Ledare')
    const call = facilitatorCall(relay, lead.session)
    const olle = await member(relay, 'participant', 'Olle Online')
    const members = async () =>
      ((await (await call('GET', '/members')).json()) as MembersResponse).members
    const before = (await members()).find((m) => m.id === olle.id)
    expect(before?.online).toBe(false)
    const client = connectClient(relay.server.url, relay.group.room, olle.session)
    await waitForSync(client)
    expect((await members()).find((m) => m.id === olle.id)?.online).toBe(true)
    client.destroy()
    // Closing is noted as it happens: poll until the list says so.
    const seenBefore = Date.parse(before?.lastSeenAt ?? '')
    let after = before
    const deadline = Date.now() + 5000
    while (Date.now() < deadline) {
      after = (await members()).find((m) => m.id === olle.id)
      if (!after?.online && Date.parse(after?.lastSeenAt ?? '') > seenBefore) break
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(after?.online).toBe(false)
    expect(Date.parse(after?.lastSeenAt ?? '')).toBeGreaterThan(seenBefore)
  })
})
