import { beforeEach, describe, expect, it } from 'vitest'
import { sendOwnPresenceOnly } from '../../../client/src/sync/own-presence.ts'
import { MessageType } from '../../../shared/protocol/messages.ts'
import { waitFor, type TestClient } from '../../helpers/clients.ts'
import { useRelayServer } from '../../helpers/relay-server.ts'

const MEMBERS = 6

type Focus = { meetingId: string; field: string } | null

const focusOf = (viewer: TestClient, member: TestClient): Focus =>
  ((viewer.provider.awareness.getStates().get(member.doc.clientID) ?? {}) as { focus?: Focus })
    .focus ?? null

/**
 * Each of `members` publishes a focus and every one of them waits until it has the others'.
 * A client sends its frames in order and the relay forwards them in order, so once the
 * barrier is through, whatever each member sent before it (echoes included) has arrived.
 */
async function barrier(members: TestClient[], tag: string): Promise<void> {
  members.forEach((member, i) =>
    member.provider.awareness.setLocalStateField('focus', { meetingId: tag, field: `m${i}` }),
  )
  await waitFor(
    () =>
      members.every((viewer) =>
        members.every((member) => member === viewer || focusOf(viewer, member)?.meetingId === tag),
      ),
    5000,
    `barrier ${tag}`,
  )
}

describe('relay: awareness in a full room', () => {
  const relay = useRelayServer('fagersta')
  let clients: TestClient[] = []

  beforeEach(async () => {
    clients = []
    for (let i = 0; i < MEMBERS; i++) {
      const client = await relay.connect('participant', `Deltagare ${i}`)
      client.provider.awareness.setLocalStateField('user', { name: `Deltagare ${i}` })
      clients.push(client)
    }
    const everyoneSeesEveryone = () =>
      clients.every((c) => {
        const states = [...c.provider.awareness.getStates().values()]
        return states.length === MEMBERS && states.every((s) => s.user)
      })
    await waitFor(everyoneSeesEveryone, 5000, 'everyone present')
    await barrier(clients, 'joined') // the echoes of the joins have come and gone
  })

  it('relays one presence change once to each member, not the echoes of it', async () => {
    const [mover, ...others] = clients as [TestClient, ...TestClient[]]
    const moverId = mover.doc.clientID
    const before = others.map((c) => c.awarenessEntriesReceived().length)
    const focus = { meetingId: 'meeting-1', field: 'agenda:1:title' }
    mover.provider.awareness.setLocalStateField('focus', focus)
    await waitFor(
      () => others.every((c) => focusOf(c, mover)?.field === focus.field),
      5000,
      'the change everywhere',
    )
    // Each member's client sends the change back; those echoes change nothing and must not
    // be relayed, or every move would cost members × members frames. The echoes were sent
    // before each member's barrier frame, so they would be here by the barrier's end.
    await barrier(others, 'after')
    // Counted by entry, not by frame: the relay may merge changes that wait for the same
    // turn into one frame (room-presence.ts), so the number of frames depends on timing.
    const received = others.map((c, i) => c.awarenessEntriesReceived().slice(before[i]))
    const moverEntries = received.map((entries) => entries.filter((e) => e.clientId === moverId))
    expect(moverEntries.map((entries) => entries.length)).toEqual(others.map(() => 1))
    // And nothing else came twice: the change and each other member's barrier entry.
    expect(received.map((entries) => entries.length)).toEqual(
      others.map(() => 1 + (others.length - 1)),
    )
  })
  it("sends no echo from the board's clients (sendOwnPresenceOnly), only their own changes", async () => {
    const [mover, echoing, ...board] = clients as [TestClient, TestClient, ...TestClient[]]
    for (const client of [mover, ...board]) sendOwnPresenceOnly(client.provider)
    const sentBefore = (client: TestClient) => client.framesSent(MessageType.Awareness)
    const before = [echoing, ...board].map(sentBefore)
    const focus = { meetingId: 'meeting-2', field: 'agenda:2:title' }
    mover.provider.awareness.setLocalStateField('focus', focus)
    await waitFor(
      () => [echoing, ...board].every((c) => focusOf(c, mover)?.field === focus.field),
      5000,
      'the change everywhere',
    )
    // Applying the change is what sends an echo: by now each one would have been sent.
    const sent = [echoing, ...board].map((c, i) => sentBefore(c) - before[i]!)
    expect(sent).toEqual([1, ...board.map(() => 0)])

    // Its own changes still go out, a focus as much as leaving (state null).
    const [watcher] = board as [TestClient]
    watcher.provider.awareness.setLocalStateField('focus', { meetingId: 'meeting-2', field: 'x' })
    await waitFor(() => focusOf(mover, watcher)?.field === 'x', 5000, 'the board client seen')
    watcher.provider.awareness.setLocalState(null)
    await waitFor(
      () => !mover.provider.awareness.getStates().has(watcher.doc.clientID),
      5000,
      'the board client gone',
    )
  })
})
