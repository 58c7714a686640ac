import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { makeUpdateGate } from '../../../server/relay/update-gate.ts'
import { writeRefusal } from '../../../server/relay/write-check.ts'
import { Role } from '../../../shared/roles.ts'
import {
  addAgendaItem,
  addPdsaPlan,
  getAgendaItemTitle,
  getChecklistComment,
  getMatrixAnswer,
  initialiseMeeting,
  meetingsOf,
  meta,
  readAgenda,
  readMatrix,
  removeAgendaItem,
  removeMatrixQuestion,
  removePdsaPlan,
  setChecklistScore,
  setHand,
  setLock,
  setMeetingControl,
  updatePdsaPlan,
  type LockScope,
} from '../../../shared/workspace/index.ts'

const MEETING = 'bm1'
const ORG = 'askersund'
const ME = 'participant-me'

/** A room with one meeting and one PDSA plan, and the room's state as a member has it. */
function room(prepare: (doc: Y.Doc) => void = () => undefined) {
  const doc = new Y.Doc()
  initialiseMeeting(doc, {
    meetingId: MEETING,
    kind: 'bm1',
    organisationIds: [ORG, 'fagersta'],
    checklistVersionId: 'skr-2019',
  })
  // Meetings are no longer created with notes, but stored ones still hold a notes text,
  // and the write policy still judges writes to it.
  meetingsOf(doc).get(MEETING)!.set('notes', new Y.Text())
  const planId = addPdsaPlan(doc, { organisationId: ORG, plannedAtMeetingId: MEETING })
  prepare(doc)
  return { doc, planId }
}

type Change = (doc: Y.Doc, planId: string) => void

/** What the relay decides for `role` making `change` on a replica of the room. */
function decide(role: Role, change: Change, prepare?: (doc: Y.Doc) => void): string {
  const { doc, planId } = room(prepare)
  const member = new Y.Doc()
  Y.applyUpdate(member, Y.encodeStateAsUpdate(doc))
  const updates: Uint8Array[] = []
  member.on('update', (u: Uint8Array) => updates.push(u))
  change(member, planId)
  const verdict = makeUpdateGate(doc)(Y.mergeUpdates(updates))
  if (verdict.kind !== 'accept') return `gate:${verdict.kind}`
  return writeRefusal(doc, { role, participantId: ME }, verdict.touches) ?? 'allowed'
}

const notesOf = (doc: Y.Doc) => meetingsOf(doc).get(MEETING)!.get('notes') as Y.Text
const firstAgendaItem = (doc: Y.Doc) => readAgenda(doc, MEETING)[0]!.id
const firstQuestion = (doc: Y.Doc) => readMatrix(doc, MEETING).questions[0]!.id

/** Content a participant writes, inserted and deleted, in every part. */
const contentChanges: Record<string, Change> = {
  'agenda: edit a title': (d) => getAgendaItemTitle(d, MEETING, firstAgendaItem(d))!.insert(0, 'x'),
  'agenda: add an item': (d) => void addAgendaItem(d, MEETING, { title: 'Ny' }),
  'agenda: delete an item': (d) => removeAgendaItem(d, MEETING, firstAgendaItem(d)),
  'matrix: answer': (d) => getMatrixAnswer(d, MEETING, firstQuestion(d), ORG)!.insert(0, 'svar'),
  'matrix: delete a question (nested texts)': (d) =>
    removeMatrixQuestion(d, MEETING, firstQuestion(d)),
  'notes: write': (d) => notesOf(d).insert(0, 'anteckning'),
  'checklist: score': (d) => setChecklistScore(d, ORG, 'bm1', 'skr2019-1', 2),
  'checklist: comment': (d) =>
    getChecklistComment(d, ORG, 'bm1', 'skr2019-1')!.insert(0, 'kommentar'),
  'pdsa: edit a plan': (d, plan) => updatePdsaPlan(d, plan, { status: 'pagar' }),
  'pdsa: delete a plan': (d, plan) => removePdsaPlan(d, plan),
  'pdsa: add a plan': (d) =>
    void addPdsaPlan(d, { organisationId: ORG, plannedAtMeetingId: MEETING }),
}

/** What only facilitators change. */
const facilitatorChanges: Record<string, Change> = {
  'control: move everyone to the matrix': (d) => setMeetingControl(d, MEETING, { part: 'matrix' }),
  'control: lock the agenda': (d) =>
    setLock(d, MEETING, 'agenda', { byParticipantId: ME, byName: 'Me', at: 1 }),
  "hands: someone else's hand": (d) =>
    setHand(d, MEETING, 'someone-else', { raised: true, ready: false }),
  'structure: a meeting kind': (d) => meetingsOf(d).get(MEETING)!.set('kind', 'bm2'),
  'structure: delete a meeting': (d) => meetingsOf(d).delete(MEETING),
  'structure: meta': (d) => meta(d).set('schemaVersion', 2),
}

describe('the write policy, as the relay applies it', () => {
  it('lets viewers write nothing at all', () => {
    for (const [name, change] of Object.entries({ ...contentChanges, ...facilitatorChanges })) {
      expect({ name, decision: decide(Role.Viewer, change) }).toEqual({
        name,
        decision: 'read-only',
      })
    }
  })

  it('lets participants write content, but not control state or structure', () => {
    for (const [name, change] of Object.entries(contentChanges))
      expect({ name, decision: decide(Role.Participant, change) }).toEqual({
        name,
        decision: 'allowed',
      })
    for (const [name, change] of Object.entries(facilitatorChanges)) {
      const expected = name.startsWith('hands') ? 'not-yours' : 'facilitators-only'
      expect({ name, decision: decide(Role.Participant, change) }).toEqual({
        name,
        decision: expected,
      })
    }
    const ownHand: Change = (d) => setHand(d, MEETING, ME, { raised: true, ready: false })
    expect(decide(Role.Participant, ownHand)).toBe('allowed')
  })

  it('lets facilitators write everything, locked or not', () => {
    const lockAll = (doc: Y.Doc) => lockScopes(doc, ['meeting', 'agenda', 'matrix', 'checklist'])
    for (const [name, change] of Object.entries({ ...contentChanges, ...facilitatorChanges }))
      expect({ name, decision: decide(Role.Facilitator, change, lockAll) }).toEqual({
        name,
        decision: 'allowed',
      })
  })

  it('refuses participants a locked part, and only that part', () => {
    const expectations: [LockScope, string[]][] = [
      ['agenda', ['agenda: edit a title', 'agenda: add an item', 'agenda: delete an item']],
      ['matrix', ['matrix: answer', 'matrix: delete a question (nested texts)']],
      ['checklist', ['checklist: score', 'checklist: comment']],
    ]
    for (const [scope, lockedChanges] of expectations) {
      for (const [name, change] of Object.entries(contentChanges)) {
        const expected = lockedChanges.includes(name) ? 'locked' : 'allowed'
        const decision = decide(Role.Participant, change, (doc) => lockScopes(doc, [scope]))
        expect({ scope, name, decision }).toEqual({ scope, name, decision: expected })
      }
    }
  })

  it('locks a single PDSA plan, and the whole meeting with its plans', () => {
    const lockPlan = (doc: Y.Doc) => {
      let planId = ''
      doc.getMap('pdsaPlans').forEach((_plan, id) => (planId = id))
      lockScopes(doc, [`plan:${planId}`])
    }
    expect(decide(Role.Participant, contentChanges['pdsa: edit a plan']!, lockPlan)).toBe('locked')
    expect(decide(Role.Participant, contentChanges['pdsa: delete a plan']!, lockPlan)).toBe(
      'locked',
    )
    expect(decide(Role.Participant, contentChanges['agenda: edit a title']!, lockPlan)).toBe(
      'allowed',
    )
    const lockMeeting = (doc: Y.Doc) => lockScopes(doc, ['meeting'])
    for (const [name, change] of Object.entries(contentChanges)) {
      const expected = 'locked'
      expect({ name, decision: decide(Role.Participant, change, lockMeeting) }).toEqual({
        name,
        decision: expected,
      })
    }
  })

  it('refuses direct checklist writes of the sealed phase while a scoring round is open', () => {
    const sealed = (doc: Y.Doc) =>
      setMeetingControl(doc, MEETING, {
        scoring: { roundId: 'r1', state: 'open', openedAt: 1 },
      })
    expect(decide(Role.Participant, contentChanges['checklist: score']!, sealed)).toBe('sealed')
    const otherPhase: Change = (d) => setChecklistScore(d, ORG, 'bm2', 'skr2019-1', 2)
    expect(decide(Role.Participant, otherPhase, sealed)).toBe('allowed')
  })

  it('judges nothing it cannot place: an update whose parent is missing waits in the gate', () => {
    const { doc } = room()
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    const itemId = addAgendaItem(other, MEETING, { title: 'Ny' })!
    const edits: Uint8Array[] = []
    other.on('update', (u: Uint8Array) => edits.push(u))
    getAgendaItemTitle(other, MEETING, itemId)!.insert(0, 'x')
    // The edit of the new item's title, without the item: its parent is unknown.
    const verdict = makeUpdateGate(doc)(edits[0]!)
    expect(verdict.kind).toBe('wait')
  })
})

function lockScopes(doc: Y.Doc, scopes: LockScope[]): void {
  for (const scope of scopes)
    setLock(doc, MEETING, scope, { byParticipantId: 'mentor', byName: 'Mentor', at: 1 })
}
