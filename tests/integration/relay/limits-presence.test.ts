import * as decoding from 'lib0/decoding'
import { WebSocket, type RawData } from 'ws'
import { describe, expect, it } from 'vitest'
import type { SessionResponse } from '../../../shared/api.ts'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'
import { MAX_CLIENT_IDS_PER_CONNECTION } from '../../../shared/protocol/limits.ts'
import { MessageType } from '../../../shared/protocol/messages.ts'
import {
  decodeAwarenessEntries,
  encodeAwarenessEntries,
  type AwarenessEntry,
} from '../../../server/relay/awareness-entries.ts'
import { encodeAwareness } from '../../../server/relay/protocol.ts'
import { waitFor, type TestClient } from '../../helpers/clients.ts'
import { joinGroup } from '../../helpers/fixtures.ts'
import { useRelayServer } from '../../helpers/relay-server.ts'

interface User {
  participantId?: string
  name?: string
  role?: string
  organisationId?: string | null
  colour?: string
}
type State = { user?: User; focus?: unknown } | undefined

const stateAt = (viewer: TestClient, clientId: number): State =>
  viewer.provider.awareness.getStates().get(clientId) as State

/** What a hostile client claims: someone else's identity, the facilitator's role. */
const forged = (participantId: string) => ({
  user: {
    participantId,
    name: 'Kommunstyrelsens ordförande',
    organisationId: 'annan-kommun',
    function: null,
    role: 'facilitator',
    colour: '#123456',
  },
  focus: { meetingId: 'meeting-1', field: 'agenda:1:title' },
})

describe('relay: the server stamps presence', () => {
  const relay = useRelayServer('narvaro')

  /** Joins by invitation; the session token and the participant the server made. */
  async function join(name: string, role: 'participant' | 'viewer') {
    const { server, group } = relay
    const session = await joinGroup(server.url, group.invites[role], name)
    const response = await fetch(`${server.url}/api/rooms/${group.room}/session`, {
      headers: { authorization: `Bearer ${session}` },
    })
    const { participant } = (await response.json()) as SessionResponse
    return { session, participantId: participant.id }
  }

  /** A raw y-websocket connection with its own session, and the awareness it receives. */
  async function rawMember(name: string, role: 'participant' | 'viewer' = 'viewer') {
    const { session, participantId } = await join(name, role)
    const { server, group } = relay
    const socket = new WebSocket(
      `${server.url.replace(/^http/, 'ws')}/ws/${group.room}?session=${session}`,
    )
    const received: AwarenessEntry[][] = []
    let closedWith: number | null = null
    socket.on('message', (data: RawData) => {
      const decoder = decoding.createDecoder(new Uint8Array(data as Buffer))
      if (decoding.readVarUint(decoder) !== MessageType.Awareness) return
      received.push(decodeAwarenessEntries(decoding.readVarUint8Array(decoder)))
    })
    socket.on('close', (code) => (closedWith = code))
    socket.on('error', () => undefined)
    await new Promise((resolve) => socket.once('open', resolve))
    return {
      participantId,
      publish: (entries: AwarenessEntry[]) =>
        socket.send(encodeAwareness(encodeAwarenessEntries(entries))),
      /** Asks for everyone present (y-websocket's query-awareness). */
      query: () => socket.send(Uint8Array.of(MessageType.QueryAwareness)),
      /** The entries of each awareness frame received. */
      received,
      closedWith: () => closedWith,
      close: () => socket.close(),
    }
  }

  it('shows a client with its session’s name, role and participant id, whatever it claims', async () => {
    const bo = await relay.connect('participant', 'Bo')
    const anna = await join('Anna', 'participant')
    const mallory = await rawMember('Mallory')
    mallory.publish([{ clientId: 4242, clock: 1, state: forged(anna.participantId) }])
    await waitFor(() => stateAt(bo, 4242) !== undefined, 5000, 'Mallory’s presence at Bo')
    expect(stateAt(bo, 4242)).toEqual({
      user: {
        participantId: mallory.participantId,
        name: 'Mallory',
        organisationId: null,
        function: null,
        role: 'viewer',
        colour: '#123456', // hers to choose
      },
      focus: { meetingId: 'meeting-1', field: 'agenda:1:title' },
    })
    mallory.close()
  })

  it('refuses to let a client overwrite or remove another member’s entry', async () => {
    const anna = await relay.connect('participant', 'Anna')
    const bo = await relay.connect('participant', 'Bo')
    anna.provider.awareness.setLocalStateField('focus', { meetingId: 'm', field: 'notes' })
    const annaClient = anna.doc.clientID
    await waitFor(() => stateAt(bo, annaClient)?.focus != null, 5000, 'Anna’s focus at Bo')
    const annaAtBo = stateAt(bo, annaClient)
    const mallory = await rawMember('Mallory')
    // Newer clocks than Anna's: applied as sent, they would replace her entry, then drop it.
    mallory.publish([{ clientId: annaClient, clock: 1_000, state: forged('x') }])
    mallory.publish([{ clientId: annaClient, clock: 1_001, state: null }])
    // Then an entry of her own, which arrives after those (one socket, in order).
    mallory.publish([{ clientId: 777, clock: 1, state: {} }])
    await waitFor(() => stateAt(bo, 777) !== undefined, 5000, 'Mallory’s own entry at Bo')
    expect(stateAt(bo, annaClient)).toEqual(annaAtBo)
    expect(stateAt(bo, annaClient)?.user?.name).toBe('Anna')
    expect(mallory.closedWith()).toBeNull() // to the relay, other members' entries are echoes
    mallory.close()
  })

  it('closes a client that publishes 1000 ids; the others receive a handful at most', async () => {
    const observer = await rawMember('Bo', 'participant')
    const mallory = await rawMember('Mallory')
    for (let first = 1; first <= 1000; first += 100) {
      mallory.publish(
        Array.from({ length: 100 }, (_, i) => ({ clientId: first + i, clock: 1, state: {} })),
      )
    }
    await waitFor(() => mallory.closedWith() !== null, 5000, 'Mallory closed')
    expect(mallory.closedWith()).toBe(CloseCode.MalformedMessage)
    // A newcomer is told who is here: Bo's observer (it published nothing) and no one else.
    const newcomer = await rawMember('Sen')
    newcomer.query()
    await waitFor(() => newcomer.received.length > 0, 5000, 'the newcomer’s answer')
    expect(newcomer.received.flat().map((entry) => entry.clientId)).toEqual([])
    // Before: all 1000 reached the observer (and every newcomer got them in one frame).
    const heard = observer.received.flat().filter((entry) => entry.clientId <= 1000)
    expect(heard.length).toBeLessThanOrEqual(2 * MAX_CLIENT_IDS_PER_CONNECTION)
    newcomer.close()
    observer.close()
  })
})
