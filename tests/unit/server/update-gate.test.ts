import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { makeUpdateGate, MAX_UNKNOWN_DELETE_CLIENTS } from '../../../server/relay/update-gate.ts'
import {
  addPdsaPlan,
  checklistScoresOf,
  getAgendaItemTitle,
  initialiseMeeting,
  meetingsOf,
  pdsaPlansOf,
  readAgenda,
  removePdsaPlan,
  setChecklistScore,
} from '../../../shared/workspace/index.ts'
import { updatesOf } from '../../helpers/workspace.ts'

const setup = {
  meetingId: 'bm1',
  kind: 'bm1',
  organisationIds: ['askersund', 'fagersta'],
  checklistVersionId: 'skr-2019',
} as const

/** The room's document and a member's replica of it, as after a sync. */
function roomAndMember() {
  const room = new Y.Doc()
  initialiseMeeting(room, setup)
  // New meetings have no notes; stored ones still hold a notes text, the texts used here.
  meetingsOf(room).get('bm1')!.set('notes', new Y.Text())
  const member = new Y.Doc()
  Y.applyUpdate(member, Y.encodeStateAsUpdate(room))
  const gate = makeUpdateGate(room)
  return { room, member, gate }
}

const one = (updates: Uint8Array[]): Uint8Array => Y.mergeUpdates(updates)

/** An update with only a delete set: `clients` clients, one range each. */
function deleteSetUpdate(clients: number[], clock = 0, len = 1): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0) // no structs
  encoding.writeVarUint(encoder, clients.length)
  for (const client of clients) {
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarUint(encoder, len)
  }
  return encoding.toUint8Array(encoder)
}

describe('the update gate', () => {
  it('accepts honest edits and says which parts they touch', () => {
    const { room, member, gate } = roomAndMember()
    const itemId = readAgenda(member, 'bm1')[0]!.id
    const typing = one(
      updatesOf(member, () => getAgendaItemTitle(member, 'bm1', itemId)!.insert(0, 'Hej ')),
    )
    expect(gate(typing)).toEqual({
      kind: 'accept',
      touches: [{ path: ['meetings', 'bm1', 'agenda', itemId, 'title'], change: 'insert' }],
    })
    Y.applyUpdate(room, typing)
    let planId = ''
    const plan = one(
      updatesOf(member, () => {
        planId = addPdsaPlan(member, { organisationId: 'askersund', plannedAtMeetingId: 'bm1' })
      }),
    )
    const verdict = gate(plan)
    expect(verdict.kind).toBe('accept')
    expect(verdict.kind === 'accept' && verdict.touches.map((t) => t.path.join('/'))).toContain(
      `pdsaPlans/${planId}`,
    )
    Y.applyUpdate(room, plan)
    const score = one(
      updatesOf(member, () => setChecklistScore(member, 'askersund', 'bm1', 'i1', 3)),
    )
    expect(gate(score)).toEqual({
      kind: 'accept',
      touches: [{ path: ['checklistScores', 'askersund|bm1|i1'], change: 'insert', value: 3 }],
    })
  })

  it('resolves deletions to what they delete, including a whole plan', () => {
    const { room, member, gate } = roomAndMember()
    const planId = addPdsaPlan(member, { organisationId: 'askersund', plannedAtMeetingId: 'bm1' })
    Y.applyUpdate(room, Y.encodeStateAsUpdate(member, Y.encodeStateVector(room)))
    const removal = one(updatesOf(member, () => removePdsaPlan(member, planId)))
    const verdict = gate(removal)
    expect(verdict.kind).toBe('accept')
    const deleted =
      verdict.kind === 'accept' ? verdict.touches.filter((t) => t.change === 'delete') : []
    expect(deleted.map((t) => t.path.join('/'))).toContain(`pdsaPlans/${planId}`)
  })

  it('holds back an update whose predecessor is missing, and accepts it once it is there', () => {
    const { room, member, gate } = roomAndMember()
    const itemId = readAgenda(member, 'bm1')[0]!.id
    const title = getAgendaItemTitle(member, 'bm1', itemId)!
    const [first, second] = [
      one(updatesOf(member, () => title.insert(0, 'A'))),
      one(updatesOf(member, () => title.insert(1, 'B'))),
    ]
    expect(gate(second!)).toMatchObject({ kind: 'wait', missing: { client: member.clientID } })
    Y.applyUpdate(room, first!)
    expect(gate(second!).kind).toBe('accept')
  })

  it('holds back an update that depends on another member’s edit the room lacks', () => {
    const { room, member, gate } = roomAndMember()
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(room))
    const itemId = readAgenda(other, 'bm1')[0]!.id
    const theirs = one(
      updatesOf(other, () => getAgendaItemTitle(other, 'bm1', itemId)!.insert(0, 'X')),
    )
    Y.applyUpdate(member, theirs)
    const mine = one(
      updatesOf(member, () => getAgendaItemTitle(member, 'bm1', itemId)!.insert(1, 'Y')),
    )
    expect(gate(mine)).toMatchObject({ kind: 'wait', missing: { client: other.clientID } })
    Y.applyUpdate(room, theirs)
    expect(gate(mine).kind).toBe('accept')
  })

  it('holds back an update with a gap inside it (a Skip) until the gap is filled', () => {
    const { room, member, gate } = roomAndMember()
    const text = meetingsOf(member).get('bm1')!.get('notes') as Y.Text
    const [a, b, c] = ['a', 'b', 'c'].map((ch, i) =>
      one(updatesOf(member, () => text.insert(i, ch))),
    )
    const withGap = Y.mergeUpdates([a!, c!])
    expect(gate(withGap).kind).toBe('wait')
    Y.applyUpdate(room, b!)
    // The room now has b but not a: still waiting on a.
    expect(gate(withGap).kind).toBe('wait')
    Y.applyUpdate(room, a!)
    expect(gate(withGap).kind).toBe('accept')
  })

  it('refuses a delete set naming many clients the room has never seen', () => {
    const { gate } = roomAndMember()
    const clients = Array.from({ length: 90_000 }, (_, i) => 1_000_000 + i)
    expect(gate(deleteSetUpdate(clients))).toMatchObject({ kind: 'refuse' })
    const few = clients.slice(0, MAX_UNKNOWN_DELETE_CLIENTS + 1)
    expect(gate(deleteSetUpdate(few))).toMatchObject({ kind: 'refuse' })
  })

  it('holds back a deletion of content the room does not have yet (an honest race)', () => {
    const { room, gate } = roomAndMember()
    const client = room.clientID
    const beyond = Y.getState(room.store, client) + 10
    expect(gate(deleteSetUpdate([client], beyond, 5)).kind).toBe('wait')
    expect(gate(deleteSetUpdate([client], 0, 1)).kind).toBe('accept')
  })

  it('refuses values of the wrong kind at known places, and anything at unknown ones', () => {
    const notesOf = (doc: Y.Doc) => meetingsOf(doc).get('bm1')!.get('notes') as Y.Text
    const cases: [string, (doc: Y.Doc) => void][] = [
      ['a number where a PDSA plan map belongs', (doc) => pdsaPlansOf(doc).set('p1', 7 as never)],
      [
        'a string where an agenda item belongs',
        (doc) => (meetingsOf(doc).get('bm1')!.get('agenda') as Y.Map<unknown>).set('x', 'item'),
      ],
      ['a score outside 1–3', (doc) => checklistScoresOf(doc).set('askersund|bm1|i1', 7)],
      [
        'a text where a score belongs',
        (doc) => checklistScoresOf(doc).set('k', new Y.Text() as never),
      ],
      ['an unknown key in a meeting', (doc) => meetingsOf(doc).get('bm1')!.set('evil', 1)],
      ['an unknown root type', (doc) => doc.getMap('flood').set('a', 1)],
      ['a map inside a text', (doc) => notesOf(doc).insertEmbed(0, new Y.Map() as never)],
      ['formatting in a text', (doc) => notesOf(doc).insert(0, 'x', { bold: true })],
      ['a root array', (doc) => doc.getArray('meetings2').push([1])],
      ['a key longer than any id', (doc) => checklistScoresOf(doc).set('k'.repeat(500), 2)],
    ]
    for (const [name, change] of cases) {
      const { member, gate } = roomAndMember()
      const update = one(updatesOf(member, () => member.transact(() => change(member))))
      expect({ name, verdict: gate(update).kind }).toEqual({ name, verdict: 'refuse' })
    }
  })

  it('refuses an unreadable update', () => {
    const { gate } = roomAndMember()
    expect(gate(new Uint8Array([0xff, 0xff, 0xff]))).toMatchObject({ kind: 'refuse' })
  })
})
