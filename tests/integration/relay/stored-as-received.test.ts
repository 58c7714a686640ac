import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { loadDoc } from '../../../server/domain/doc-writer.ts'
import { encodeUpdate } from '../../../server/relay/protocol.ts'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'
import { MessageType } from '../../../shared/protocol/messages.ts'
import { waitFor } from '../../helpers/clients.ts'
import { joinGroup } from '../../helpers/fixtures.ts'
import { useRelayServer, type RelayFixture } from '../../helpers/relay-server.ts'
import { testText, testWorkspaceUpdate } from '../../helpers/workspace.ts'

/** A participant's raw socket, for sending updates exactly as a test builds them. */
async function rawWriter(relay: RelayFixture): Promise<WebSocket> {
  const session = await joinGroup(relay.server.url, relay.group.invites.participant, 'Rå')
  const url = `${relay.server.url.replace(/^http/, 'ws')}/ws/${relay.group.room}?session=${session}`
  const socket = new WebSocket(url)
  await new Promise((resolve, reject) => {
    socket.once('open', resolve)
    socket.once('error', reject)
  })
  return socket
}

/**
 * Updates of a doc of our own, each edit separately, in the test text the group's log
 * already holds (the same structure update, so the edits build on what the room has).
 */
function editsOf(edit: (text: Y.Text) => void): Uint8Array[] {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, testWorkspaceUpdate())
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  edit(testText(doc))
  return updates
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

describe('relay: updates are stored and relayed as received', () => {
  const relay = useRelayServer('kungsbacka')
  const storedCount = async () =>
    (await relay.server.services.store.load(relay.group.room)).updates.length

  /** Bo listening, a raw writer, two edits made elsewhere, and the log's size before. */
  const arrange = async (edit: (text: Y.Text) => void) => {
    const bo = await relay.connect('participant', 'Bo')
    const raw = await rawWriter(relay)
    const [first, second] = editsOf(edit)
    return { bo, raw, first: first!, second: second!, storedBefore: await storedCount() }
  }

  it('stores and relays an update once; the same update again changes nothing', async () => {
    const { bo, raw, first, second, storedBefore } = await arrange((text) => {
      text.insert(0, 'Mål: ')
      text.insert(5, 'jämställd service')
    })
    const syncFramesBefore = bo.framesReceived(MessageType.Sync)

    raw.send(encodeUpdate(first))
    await waitFor(() => testText(bo.doc).toString() === 'Mål: ', 5000, 'first edit')
    raw.send(encodeUpdate(first)) // nothing new: not stored, not relayed
    raw.send(encodeUpdate(second))
    await waitFor(
      () => testText(bo.doc).toString() === 'Mål: jämställd service',
      5000,
      'second edit',
    )

    expect(bo.framesReceived(MessageType.Sync) - syncFramesBefore).toBe(2)
    expect((await storedCount()) - storedBefore).toBe(2)
    raw.close()
  })

  it('holds back an update whose predecessor is missing, then stores both: the log loses nothing', async () => {
    const { bo, raw, first, second, storedBefore } = await arrange((text) => {
      text.insert(0, 'Plan')
      text.insert(4, 'era')
    })

    // The second edit first: the update gate holds it back (outside the document), so
    // nothing is stored or relayed yet and no member holds pending structs.
    raw.send(encodeUpdate(second))
    await roundTrip(raw)
    expect((await storedCount()) - storedBefore).toBe(0)
    expect(bo.doc.store.pendingStructs).toBeNull()

    raw.send(encodeUpdate(first))
    await waitFor(() => testText(bo.doc).toString() === 'Planera', 5000, 'both edits')
    expect((await storedCount()) - storedBefore).toBe(2)
    const stored = await loadDoc(relay.server.services.store, relay.group.room)
    expect(testText(stored).toString()).toBe('Planera')
    raw.close()
  })

  it('an unreadable update is refused whole (4422): nothing of it is stored or relayed', async () => {
    const bo = await relay.connect('participant', 'Bo')
    const raw = await rawWriter(relay)
    const closed = new Promise<number>((resolve) => raw.once('close', resolve))
    const [valid] = editsOf((text) => text.insert(0, 'Halvvägs'))
    // The structs are valid, the delete set is cut short: its last byte (0 clients) becomes
    // 5 clients that never come. Yjs would apply the structs and then throw; the update gate
    // reads the whole update first.
    const broken = Uint8Array.from(valid!)
    expect(broken[broken.length - 1]).toBe(0)
    broken[broken.length - 1] = 5
    const storedBefore = await storedCount()

    raw.send(encodeUpdate(broken))
    expect(await closed).toBe(CloseCode.UpdateRefused)
    testText(bo.doc).insert(0, 'Bo ')
    // Relayed only once stored: a late joiner seeing it means it is in the log.
    const late = await relay.connect('viewer', 'Sen')
    await waitFor(() => testText(late.doc).toString() === 'Bo ', 5000, "Bo's edit")
    expect((await storedCount()) - storedBefore).toBe(1)
    const stored = await loadDoc(relay.server.services.store, relay.group.room)
    expect(testText(stored).toString()).toBe('Bo ')
    expect(testText(bo.doc).toString()).toBe('Bo ')
  })
})
