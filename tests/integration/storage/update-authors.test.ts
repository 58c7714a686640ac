import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { encodeUpdate } from '../../../server/relay/protocol.ts'
import { waitFor } from '../../helpers/clients.ts'
import { useRelayServer } from '../../helpers/relay-server.ts'
import { testText, testWorkspaceUpdate } from '../../helpers/workspace.ts'

interface Row {
  participant_id: string | null
}

describe('update log: who wrote each stored update', () => {
  const relay = useRelayServer('ludvika')

  /** Joins through the API as `name` and returns the session and the participant's id. */
  async function join(name: string): Promise<{ session: string; participantId: string }> {
    const response = await fetch(`${relay.server.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invite: relay.group.invites.participant, name }),
    })
    expect(response.status).toBe(200)
    return (await response.json()) as { session: string; participantId: string }
  }

  const rows = async (): Promise<Row[]> =>
    (
      await relay.server.services.client.execute({
        sql: 'SELECT participant_id FROM doc_updates WHERE room = ? ORDER BY id',
        args: [relay.group.room],
      })
    ).rows as unknown as Row[]

  it('stores the participant of a raw-frame edit, and null for a change the server made', async () => {
    const anna = await join('Anna')
    const bo = await relay.connect('participant', 'Bo')
    const url = `${relay.server.url.replace(/^http/, 'ws')}/ws/${relay.group.room}?session=${anna.session}`
    const socket = new WebSocket(url)
    await new Promise((resolve, reject) => {
      socket.once('open', resolve)
      socket.once('error', reject)
    })
    const doc = new Y.Doc()
    Y.applyUpdate(doc, testWorkspaceUpdate())
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    testText(doc).insert(0, 'hela tavlan rensad')
    socket.send(encodeUpdate(updates[0]!))
    await waitFor(() => testText(bo.doc).toString() === 'hela tavlan rensad', 5000, 'the edit')

    const before = (await rows()).length
    await relay.server.services.rooms.change(relay.group.room, (d) =>
      testText(d, 'log').insert(0, 'från servern'),
    )
    const stored = await rows()
    // Before: the column did not exist; then it was never written.
    expect(stored.map((row) => row.participant_id)).toContain(anna.participantId)
    expect(stored.slice(before).map((row) => row.participant_id)).toEqual([null])
    socket.close()
  })
})
