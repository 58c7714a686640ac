import { beforeEach, describe, expect, it } from 'vitest'
import { MessageType } from '../../../shared/protocol/messages.ts'
import { sleep, waitFor, type TestClient } from '../../helpers/clients.ts'
import { useRelayServer } from '../../helpers/relay-server.ts'

const MEMBERS = 6

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
    await sleep(300) // echoes of the joins have come and gone
  })

  it('relays one presence change once to each member, not the echoes of it', async () => {
    const [mover, ...others] = clients as [TestClient, ...TestClient[]]
    const before = others.map((c) => c.framesReceived(MessageType.Awareness))
    mover.provider.awareness.setLocalStateField('editing', 'agenda:1:title')
    await waitFor(
      () =>
        others.every((c) => [...c.provider.awareness.getStates().values()].some((s) => s.editing)),
      5000,
      'the change everywhere',
    )
    await sleep(300) // time for any echo to come round
    const received = others.map((c, i) => c.framesReceived(MessageType.Awareness) - before[i]!)
    // Each member's client sends the change back; those echoes change nothing and must not
    // be relayed, or every move would cost members × members frames.
    expect(received).toEqual(others.map(() => 1))
  })
})
