import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  initialiseMeeting,
  meta,
  pdsaPlansOf,
  readPdsaPlans,
  SCHEMA_VERSION,
} from '../../../shared/workspace/index.ts'
import {
  migrateWorkspace,
  migrations,
  WorkspaceTooNew,
  workspaceVersionOf,
} from '../../../shared/workspace/migrations/index.ts'

/**
 * A version 1 workspace, built as version 1 code built it: schemaVersion 1 and PDSA plans
 * stored without a number (two of them also numbered alike, as two devices could).
 */
function versionOneWorkspace(): Y.Doc {
  const doc = new Y.Doc()
  initialiseMeeting(doc, {
    meetingId: 'bm1',
    kind: 'bm1',
    organisationIds: ['askersund', 'fagersta'],
    checklistVersionId: 'skr-2019',
  })
  meta(doc).set('schemaVersion', 1)
  const plan = (id: string, organisationId: string, createdAt: number, number?: number) => {
    const map = new Y.Map<unknown>()
    map.set('organisationId', organisationId)
    map.set('plannedAtMeetingId', 'bm1')
    map.set('createdAt', createdAt)
    map.set('aim', new Y.Text(`mål ${id}`))
    if (number !== undefined) map.set('number', number)
    pdsaPlansOf(doc).set(id, map)
  }
  plan('a', 'askersund', 100)
  plan('b', 'askersund', 200)
  plan('c', 'fagersta', 150, 1)
  plan('d', 'fagersta', 300, 1)
  return doc
}

const storedNumbers = (doc: Y.Doc) =>
  Object.fromEntries([...pdsaPlansOf(doc)].map(([id, plan]) => [id, plan.get('number')]))

describe('workspace migrations', () => {
  it('has one step per version before the current one', () => {
    expect(migrations).toHaveLength(SCHEMA_VERSION - 1)
  })

  it('takes a version 1 workspace to the current version, storing every plan’s number', () => {
    const doc = versionOneWorkspace()
    const numbersRead = readPdsaPlans(doc).map((plan) => [plan.id, plan.number])

    expect(migrateWorkspace(doc)).toEqual({ from: 1, to: SCHEMA_VERSION })

    expect(meta(doc).get('schemaVersion')).toBe(SCHEMA_VERSION)
    expect(storedNumbers(doc)).toEqual({ a: 1, b: 2, c: 1, d: 2 })
    // What every reader showed before is what is stored now.
    expect(readPdsaPlans(doc).map((plan) => [plan.id, plan.number])).toEqual(numbersRead)
  })

  it('is idempotent: a migrated document, or one step run again, changes nothing', () => {
    const doc = versionOneWorkspace()
    migrateWorkspace(doc)
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    expect(migrateWorkspace(doc)).toBeNull()
    for (const step of migrations) doc.transact(() => step(doc))
    expect(updates).toEqual([])
  })

  it('numbers a later plan on from the stored ones (numbers stay once stored)', () => {
    const doc = versionOneWorkspace()
    migrateWorkspace(doc)
    pdsaPlansOf(doc).delete('a')
    expect(readPdsaPlans(doc).find((plan) => plan.id === 'b')?.number).toBe(2)
  })

  it('refuses a document from a newer schema without changing it', () => {
    const doc = versionOneWorkspace()
    meta(doc).set('schemaVersion', SCHEMA_VERSION + 1)
    const before = Y.encodeStateAsUpdate(doc)
    expect(() => migrateWorkspace(doc)).toThrow(WorkspaceTooNew)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('leaves a workspace without structure alone (no version yet)', () => {
    const doc = new Y.Doc()
    doc.getMap('checklistComments').set('test|notes', new Y.Text())
    expect(workspaceVersionOf(doc)).toBeNull()
    expect(migrateWorkspace(doc)).toBeNull()
    expect(meta(doc).size).toBe(0)
  })

  it('applies the steps in order, each from its own version', () => {
    const doc = versionOneWorkspace()
    const seen: number[] = []
    const steps = [1, 2, 3].map((n) => () => {
      seen.push(n)
    })
    expect(migrateWorkspace(doc, steps, 4)).toEqual({ from: 1, to: 4 })
    expect(seen).toEqual([1, 2, 3])
    expect(meta(doc).get('schemaVersion')).toBe(4)
  })
})
