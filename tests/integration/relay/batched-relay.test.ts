import * as decoding from 'lib0/decoding'
import { WebSocket, type RawData } from 'ws'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { loadDoc } from '../../../server/domain/doc-writer.ts'
import { encodeUpdate } from '../../../server/relay/protocol.ts'
import { MessageType, SyncStep } from '../../../shared/protocol/messages.ts'
import { waitFor } from '../../helpers/clients.ts'
import { joinGroup } from '../../helpers/fixtures.ts'
import { useRelayServer, type RelayFixture } from '../../helpers/relay-server.ts'
import { testText, testWorkspaceUpdate } from '../../helpers/workspace.ts'

const EDITS = 20
/**
 * Members who only watch: enough that a merged frame pays for itself for any batch of two
 * or more (relay-batch.ts merges when receivers × (updates − 1) ≥ 24).
 */
const WATCHERS = 24

/** A member on a raw socket with a doc of its own: what it receives is kept frame by frame. */
interface RawMember {
  doc: Y.Doc
  socket: WebSocket
  /** The document updates relayed to it (sync step 2 and update messages), as received. */
  received: Uint8Array[]
}

async function rawMember(relay: RelayFixture, name: string): Promise<RawMember> {
  const session = await joinGroup(relay.server.url, relay.group.invites.participant, name)
  const url = `${relay.server.url.replace(/^http/, 'ws')}/ws/${relay.group.room}?session=${session}`
  const doc = new Y.Doc()
  Y.applyUpdate(doc, testWorkspaceUpdate())
  const socket = new WebSocket(url)
  const received: Uint8Array[] = []
  let joined = false
  socket.on('message', (data: RawData) => {
    const decoder = decoding.createDecoder(new Uint8Array(data as Buffer))
    if (decoding.readVarUint(decoder) !== MessageType.Sync) return
    const step = decoding.readVarUint(decoder)
    // The room's sync step 1 is the first thing a joined writer is sent.
    if (step === SyncStep.Step1) joined = true
    else {
      const update = decoding.readVarUint8Array(decoder)
      received.push(update)
      Y.applyUpdate(doc, update)
    }
  })
  await waitFor(() => joined, 5000, `${name} joined`)
  return { doc, socket, received }
}

/** Each edit as its own update frame, all sent in one go (they arrive in one turn or few). */
function typeQuickly(member: RawMember, word: string): void {
  const frames: Uint8Array[] = []
  const collect = (update: Uint8Array) => frames.push(encodeUpdate(update))
  member.doc.on('update', collect)
  for (let i = 0; i < EDITS; i++) testText(member.doc).insert(0, `${word}${i} `)
  member.doc.off('update', collect)
  for (const frame of frames) member.socket.send(frame)
}

/** The Yjs client ids whose structs an update carries. */
const authorsOf = (update: Uint8Array): Set<number> =>
  new Set(Y.decodeUpdate(update).structs.map((struct) => struct.id.client))

describe('relay: a group commit is relayed as one frame per connection', () => {
  const relay = useRelayServer('batchkommun')

  it('members typing at once converge, nobody is sent its own edits back, and frames are batched', async () => {
    const anna = await rawMember(relay, 'Anna')
    const bo = await rawMember(relay, 'Bo')
    const watchers: RawMember[] = []
    for (let i = 0; i < WATCHERS; i++) watchers.push(await rawMember(relay, `Cia ${i}`))
    const everyone = [anna, bo, ...watchers]

    typeQuickly(anna, 'a')
    typeQuickly(bo, 'b')
    const everything = (doc: Y.Doc) => testText(doc).toString().split(' ').length === 2 * EDITS + 1
    await waitFor(() => everyone.every((m) => everything(m.doc)), 5000, 'all edits')

    const text = testText(anna.doc).toString()
    for (const member of everyone) expect(testText(member.doc).toString()).toBe(text)
    const stored = await loadDoc(relay.server.services.store, relay.group.room)
    expect(testText(stored).toString()).toBe(text)

    for (const member of [anna, bo]) {
      for (const update of member.received) {
        expect(authorsOf(update).has(member.doc.clientID)).toBe(false)
      }
    }
    // One frame per update would be 2 × EDITS; the group commit's batches are far fewer.
    for (const watcher of watchers) expect(watcher.received.length).toBeLessThan(EDITS)
    for (const member of everyone) member.socket.close()
  })

  it('a member typing alone has each edit relayed to the others, once', async () => {
    const anna = await rawMember(relay, 'Anna')
    const watcher = await rawMember(relay, 'Cia')
    for (let i = 0; i < 3; i++) {
      const before = watcher.received.length
      const frames: Uint8Array[] = []
      const collect = (update: Uint8Array) => frames.push(encodeUpdate(update))
      anna.doc.on('update', collect)
      testText(anna.doc).insert(0, `${i}`)
      anna.doc.off('update', collect)
      anna.socket.send(frames[0]!)
      await waitFor(() => watcher.received.length > before, 5000, `edit ${i}`)
    }
    expect(testText(watcher.doc).toString()).toBe('210')
    expect(watcher.received).toHaveLength(3)
    expect(anna.received).toHaveLength(0)
    for (const member of [anna, watcher]) member.socket.close()
  })
})
