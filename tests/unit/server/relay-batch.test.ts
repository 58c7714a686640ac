import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { relayBatch, type Outgoing } from '../../../server/relay/relay-batch.ts'

/** A member: its own doc, and the frames the relay hands it, call by call. */
interface Member {
  name: string
  doc: Y.Doc
  calls: Uint8Array[][]
}

const member = (name: string): Member => ({ name, doc: new Y.Doc(), calls: [] })

/** An update of `author` typing `text` into its doc (as its client would send it). */
function edit(author: Member, text: string): Uint8Array {
  let update: Uint8Array | null = null
  author.doc.once('update', (u: Uint8Array) => (update = u))
  author.doc.getText('t').insert(0, text)
  return update!
}

/** The update inside a y-websocket sync update frame. */
function updateOf(frame: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(frame)
  expect(decoding.readVarUint(decoder)).toBe(0) // sync
  expect(decoding.readVarUint(decoder)).toBe(2) // update
  return decoding.readVarUint8Array(decoder)
}

function relay(batch: Outgoing<Member>[], members: Member[]): void {
  relayBatch(batch, members, (to, frames) => {
    to.calls.push([...frames])
    for (const frame of frames) Y.applyUpdate(to.doc, updateOf(frame))
  })
}

const authorsOf = (frames: Uint8Array[][]): Set<number> =>
  new Set(
    frames
      .flat()
      .flatMap((frame) => Y.decodeUpdate(updateOf(frame)).structs.map((s) => s.id.client)),
  )

describe('relaying a batch', () => {
  it('a batch of one goes to everyone but its sender, as received', () => {
    const [anna, bo, cia] = ['Anna', 'Bo', 'Cia'].map(member) as [Member, Member, Member]
    const update = edit(anna, 'hej')
    relay([{ update, origin: anna }], [anna, bo, cia])
    expect(anna.calls).toEqual([])
    for (const other of [bo, cia]) {
      expect(other.calls).toHaveLength(1)
      expect(updateOf(other.calls[0]![0]!)).toEqual(update)
    }
  })

  it('many receivers share one merged frame; senders get the others’ updates, never their own', () => {
    const senders = ['Anna', 'Bo', 'Cia'].map(member)
    const watchers = Array.from({ length: 12 }, (_, i) => member(`W${i}`))
    const batch = senders.flatMap((sender) => [
      { update: edit(sender, `${sender.name} 1 `), origin: sender },
      { update: edit(sender, `${sender.name} 2 `), origin: sender },
    ])
    relay(batch, [...senders, ...watchers])
    for (const watcher of watchers) {
      expect(watcher.calls).toEqual([[expect.any(Uint8Array)]]) // one frame, one call
    }
    for (const sender of senders) {
      expect(sender.calls).toHaveLength(1)
      expect(sender.calls[0]).toHaveLength(4) // the other two senders' two updates each
      expect(authorsOf(sender.calls).has(sender.doc.clientID)).toBe(false)
    }
    const text = senders[0]!.doc.getText('t').toString()
    for (const m of [...senders, ...watchers]) expect(m.doc.getText('t').toString()).toBe(text)
  })

  it('few receivers are handed the updates as they are, in one call, rather than a merge', () => {
    const [anna, bo] = ['Anna', 'Bo'].map(member) as [Member, Member]
    const batch = [
      { update: edit(anna, 'a'), origin: anna },
      { update: edit(anna, 'b'), origin: anna },
    ]
    relay(batch, [anna, bo])
    expect(bo.calls).toHaveLength(1)
    expect(bo.calls[0]!.map(updateOf)).toEqual(batch.map((entry) => entry.update))
    expect(anna.calls).toEqual([])
  })
})
