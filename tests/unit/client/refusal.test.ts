import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { changedPaths, createLocalWriteLog, pathOf } from '../../../client/src/sync/local-writes.ts'
import {
  explainRefusal,
  refusalReasonOf,
  refusalText,
  saveRefusal,
  takeRefusal,
} from '../../../client/src/sync/refusal.ts'
import { translate } from '../../../shared/i18n/index.ts'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'
import { Role } from '../../../shared/roles.ts'
import { setLock } from '../../../shared/workspace/control.ts'
import { pdsaPlansOf } from '../../../shared/workspace/document.ts'
import { addPdsaPlan, removePdsaPlan } from '../../../shared/workspace/pdsa.ts'
import { makePolicyView } from '../../../shared/workspace/write-policy-view.ts'

const sv = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) =>
  translate('sv', key, values)
const bo = { role: Role.Participant, participantId: 'bo' }
const anna = { byParticipantId: 'anna', byName: 'Anna', at: 0 }

/** A Storage on a Map (vitest runs in Node, without sessionStorage). */
const memoryStorage = (): Storage => {
  const items = new Map<string, string>()
  return {
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  }
}

describe('paths of local changes', () => {
  it('names the map keys from the root, as the write policy reads them', () => {
    const doc = new Y.Doc()
    const log = createLocalWriteLog(doc)
    const planId = addPdsaPlan(doc, { organisationId: 'org', plannedAtMeetingId: 'm1' })
    const aim = pdsaPlansOf(doc).get(planId)!.get('aim') as Y.Text
    expect(pathOf(aim)).toEqual(['pdsaPlans', planId, 'aim'])
    aim.insert(0, 'Fler kvinnor i styrelser')
    expect(log.recent()[0]).toEqual(['pdsaPlans', planId, 'aim'])
    removePdsaPlan(doc, planId)
    expect(log.recent()[0]).toEqual(['pdsaPlans', planId])
    log.stop()
  })

  it('ignores what arrives from elsewhere (the relay, IndexedDB)', () => {
    const remote = new Y.Doc()
    remote.getMap('control').set('m1|led', true)
    const doc = new Y.Doc()
    const log = createLocalWriteLog(doc)
    let paths: string[][] = []
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      paths = changedPaths(transaction)
    })
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), 'relay')
    expect(paths).toEqual([['control', 'm1|led']])
    expect(log.recent()).toEqual([])
  })
})

describe('explaining a refusal', () => {
  it('maps close codes to reasons; other closes are not refusals', () => {
    expect(refusalReasonOf(CloseCode.WriteRefused, 'locked')).toBe('locked')
    expect(refusalReasonOf(CloseCode.WriteRefused, 'something new')).toBe('unknown')
    expect(refusalReasonOf(CloseCode.UpdateRefused, 'schema')).toBe('invalid')
    expect(refusalReasonOf(CloseCode.DocumentFull, '')).toBe('full')
    expect(refusalReasonOf(CloseCode.RateLimited, '')).toBeNull()
    expect(refusalReasonOf(1006, '')).toBeNull()
  })

  it('names the locked part and who locked it, from the member’s own latest change', () => {
    const doc = new Y.Doc()
    const log = createLocalWriteLog(doc)
    const planId = addPdsaPlan(doc, { organisationId: 'org', plannedAtMeetingId: 'm1' })
    ;(pdsaPlansOf(doc).get(planId)!.get('aim') as Y.Text).insert(0, 'x')
    setLock(doc, 'm1', `plan:${planId}`, anna)
    const notice = explainRefusal('locked', bo, log.recent(), makePolicyView(doc))
    expect(notice).toEqual({ reason: 'locked', part: 'plan', by: 'Anna' })
    expect(refusalText(notice, sv)).toBe(
      'Ändringen sparades inte: planen är låst av Anna. Tavlan visar nu det som gäller för alla.',
    )
    // The whole meeting locked: the agenda is.
    setLock(doc, 'm2', 'meeting', anna)
    const agenda = explainRefusal(
      'locked',
      bo,
      [['meetings', 'm2', 'agenda', 'x']],
      makePolicyView(doc),
    )
    expect(refusalText(agenda, sv)).toContain('agendan är låst av Anna')
  })

  it('says every reason in words, in both languages', () => {
    const view = makePolicyView(new Y.Doc())
    for (const reason of [
      'read-only',
      'facilitators-only',
      'locked',
      'sealed',
      'not-yours',
      'invalid',
      'full',
      'unknown',
    ] as const) {
      const notice = explainRefusal(reason, bo, [], view)
      expect(refusalText(notice, sv)).toMatch(
        /^Ändringen sparades inte.* Tavlan visar nu det som gäller för alla\.$/,
      )
      expect(refusalText(notice, (key, values) => translate('en', key, values))).toMatch(
        /^Your change was not saved.* The board now shows what holds for everyone\.$/,
      )
    }
    expect(refusalText({ reason: 'read-only' }, sv)).toContain('läsbehörighet')
  })

  it('keeps the notice over the reload once, and reads it defensively', () => {
    const storage = memoryStorage()
    saveRefusal(storage, 'room', { reason: 'read-only' })
    expect(takeRefusal(storage, 'other')).toBeNull()
    expect(takeRefusal(storage, 'room')).toEqual({ reason: 'read-only' })
    expect(takeRefusal(storage, 'room')).toBeNull()
    storage.setItem('modellrummet:refused:room', '{"reason":"whatever"}')
    expect(takeRefusal(storage, 'room')).toBeNull()
    storage.setItem('modellrummet:refused:room', 'not json')
    expect(takeRefusal(storage, 'room')).toBeNull()
  })
})
