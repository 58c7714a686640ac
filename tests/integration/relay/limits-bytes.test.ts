import { WebSocket } from 'ws'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { encodeUpdate } from '../../../server/relay/protocol.ts'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'
import { RelayLimits } from '../../../shared/protocol/limits.ts'
import { waitFor, type TestClient } from '../../helpers/clients.ts'
import { joinGroup } from '../../helpers/fixtures.ts'
import { useRelayServer } from '../../helpers/relay-server.ts'

const FRAME_TEXT = 200 * 1024
const FRAMES = 30

const scores = (client: TestClient) => client.doc.getMap<number>('checklistScores')

describe('relay: a byte budget per connection (default limits)', () => {
  const relay = useRelayServer('bytes')

  it('closes a writer sending 200 KB updates as fast as it can; the room goes on', async () => {
    // Within the message rate (30 messages), over the bytes: 6 MB against a 2 MB burst.
    expect(FRAMES).toBeLessThan(RelayLimits.messageBurst)
    expect(FRAMES * FRAME_TEXT).toBeGreaterThan(RelayLimits.byteBurst * 2)
    // Facilitators, who may write anywhere in the workspace: this is about bytes only.
    const anna = await relay.connect('facilitator', 'Anna')
    const bo = await relay.connect('participant', 'Bo')
    const { server, group } = relay
    const session = await joinGroup(server.url, group.invites.facilitator, 'Flood')
    const writer = new WebSocket(
      `${server.url.replace(/^http/, 'ws')}/ws/${group.room}?session=${session}`,
    )
    let closedWith: number | null = null
    writer.on('close', (code) => (closedWith = code))
    writer.on('error', () => undefined)
    await new Promise((resolve) => writer.once('open', resolve))

    // Valid updates in the workspace's shape: a checklist comment growing 200 KB a frame.
    const doc = new Y.Doc()
    const frames: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => frames.push(encodeUpdate(update)))
    const comment = new Y.Text()
    doc.getMap('checklistComments').set('flood', comment)
    for (let i = 0; i < FRAMES; i++) comment.insert(comment.length, 'x'.repeat(FRAME_TEXT))
    for (const frame of frames) writer.send(frame)

    await waitFor(() => closedWith !== null, 10_000, 'the writer closed')
    expect(closedWith).toBe(CloseCode.RateLimited) // before: every frame taken, 6 MB stored

    scores(anna).set('after-the-flood', 3)
    await waitFor(() => scores(bo).get('after-the-flood') === 3, 5000, 'relay after the flood')
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  })
})
