import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocStore } from '../../../server/storage/doc-store.ts'
import { createGroupCommit } from '../../../server/storage/group-commit.ts'

const updateWith = (text: string, doc = new Y.Doc()): Uint8Array => {
  let captured: Uint8Array | null = null
  doc.once('update', (update: Uint8Array) => (captured = update))
  doc.getText('t').insert(doc.getText('t').length, text)
  if (!captured) throw new Error('no update')
  return captured
}

const materialise = (stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): string => {
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const update of stored.updates) Y.applyUpdate(doc, update)
  return doc.getText('t').toString()
}

/** One suite every DocStore implementation must pass (tldraw-style contract test). */
export function runDocStoreContract(
  name: string,
  open: () => Promise<{ store: DocStore; close(): void }>,
) {
  describe(`DocStore contract: ${name}`, () => {
    let store: DocStore
    let close: () => void
    beforeEach(async () => ({ store, close } = await open()))
    afterEach(() => close())

    it('loads an unknown room as empty', async () => {
      expect(await store.load('nobody')).toEqual({ snapshot: null, updates: [], lastUpdateId: 0 })
    })

    it('appends in order and returns increasing ids', async () => {
      const doc = new Y.Doc()
      const ids = await store.append([
        { room: 'a', update: updateWith('ett ', doc) },
        { room: 'b', update: updateWith('annat', new Y.Doc()) },
        { room: 'a', update: updateWith('två', doc) },
      ])
      expect(ids).toHaveLength(3)
      expect(ids[0]! < ids[1]! && ids[1]! < ids[2]!).toBe(true)
      const a = await store.load('a')
      expect(materialise(a)).toBe('ett två')
      expect(a.lastUpdateId).toBe(ids[2])
      expect(materialise(await store.load('b'))).toBe('annat')
    })

    it('appends a batch larger than one statement takes, every id distinct and in order', async () => {
      const doc = new Y.Doc()
      const entries = Array.from({ length: 1234 }, (_, i) => ({
        room: i % 3 === 0 ? 'big-a' : 'big-b',
        update: updateWith(String(i % 10), doc),
      }))
      const ids = await store.append(entries)
      expect(ids).toHaveLength(entries.length)
      expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true)
      const a = await store.load('big-a')
      const b = await store.load('big-b')
      expect(a.updates).toHaveLength(Math.ceil(entries.length / 3))
      expect(a.updates.length + b.updates.length).toBe(entries.length)
      expect(Math.max(a.lastUpdateId, b.lastUpdateId)).toBe(ids.at(-1))
    })

    it('returns the id of each entry of a batch, not only of the last', async () => {
      const doc = new Y.Doc()
      const snapshots: Uint8Array[] = []
      const entries = [...'abcde'].map((letter) => {
        const update = updateWith(letter, doc)
        snapshots.push(Y.encodeStateAsUpdate(doc))
        return { room: 'batch', update }
      })
      const ids = await store.append(entries)
      // Folding up to the third entry's id leaves exactly the fourth and the fifth.
      await store.compact('batch', snapshots[2]!, ids[2]!)
      const loaded = await store.load('batch')
      expect(loaded.updates).toEqual([entries[3]!.update, entries[4]!.update])
      expect(materialise(loaded)).toBe('abcde')
    })

    it('compacts into a snapshot, drops folded entries and keeps later ones', async () => {
      const doc = new Y.Doc()
      const [first] = await store.append([{ room: 'r', update: updateWith('a', doc) }])
      const [second] = await store.append([{ room: 'r', update: updateWith('b', doc) }])
      const snapshot = Y.encodeStateAsUpdate(doc)
      const [third] = await store.append([{ room: 'r', update: updateWith('c', doc) }])
      await store.compact('r', snapshot, second!)
      const loaded = await store.load('r')
      expect(loaded.snapshot).not.toBeNull()
      expect(loaded.updates).toHaveLength(1)
      expect(loaded.lastUpdateId).toBe(third)
      expect(materialise(loaded)).toBe('abc')
      expect(first).toBeLessThan(second!)
    })

    it('gives ids above every folded one after compaction folds a whole log', async () => {
      const doc = new Y.Doc()
      await store.append([{ room: 'r', update: updateWith('a', doc) }])
      const [folded] = await store.append([{ room: 'r', update: updateWith('b', doc) }])
      await store.compact('r', Y.encodeStateAsUpdate(doc), folded!)
      while ((await store.prune('r', folded!, 1)) > 0);
      const [next] = await store.append([{ room: 'r', update: updateWith('c', doc) }])
      expect(next).toBeGreaterThan(folded!)
      const loaded = await store.load('r')
      expect(loaded.lastUpdateId).toBe(next)
      expect(materialise(loaded)).toBe('abc')
    })

    it('drops the folded log in steps, oldest first, without changing what loads', async () => {
      const doc = new Y.Doc()
      const ids: number[] = []
      for (const letter of 'abcde') {
        const [id] = await store.append([{ room: 'p', update: updateWith(letter, doc) }])
        ids.push(id!)
      }
      await store.append([{ room: 'elsewhere', update: updateWith('x') }]) // the table's newest
      await store.compact('p', Y.encodeStateAsUpdate(doc), ids[3]!)
      const [more] = await store.append([{ room: 'p', update: updateWith('f', doc) }])
      const before = await store.load('p')
      expect(before.updates).toHaveLength(2) // e and f: a load reads only after the snapshot
      expect(await store.prune('p', ids[3]!, 3)).toBe(3)
      expect(await store.prune('p', ids[3]!, 3)).toBe(1)
      expect(await store.prune('p', ids[3]!, 3)).toBe(0)
      const after = await store.load('p')
      expect(materialise(after)).toBe('abcdef')
      expect(after.lastUpdateId).toBe(more)
      expect(after.updates).toHaveLength(2)
    })

    it('keeps every snapshot as version history', async () => {
      const doc = new Y.Doc()
      const [one] = await store.append([{ room: 'h', update: updateWith('v1', doc) }])
      await store.compact('h', Y.encodeStateAsUpdate(doc), one!)
      const [two] = await store.append([{ room: 'h', update: updateWith(' v2', doc) }])
      await store.compact('h', Y.encodeStateAsUpdate(doc), two!)
      const history = await store.listSnapshots('h')
      expect(history.map((s) => s.uptoUpdateId)).toEqual([one, two])
      const old = await store.readSnapshot('h', history[0]!.id)
      expect(materialise({ snapshot: old, updates: [] })).toBe('v1')
      expect(materialise(await store.load('h'))).toBe('v1 v2')
      expect(await store.readSnapshot('other-room', history[0]!.id)).toBeNull()
    })

    it('loads from the snapshot that folds the most, even when another was written after it', async () => {
      // Two server nodes compacting one room: the one with the older state may finish last.
      const doc = new Y.Doc()
      const [one] = await store.append([{ room: 'n', update: updateWith('a', doc) }])
      const early = Y.encodeStateAsUpdate(doc)
      const [two] = await store.append([{ room: 'n', update: updateWith('b', doc) }])
      await store.append([{ room: 'elsewhere', update: updateWith('x') }]) // the table's newest
      await store.compact('n', Y.encodeStateAsUpdate(doc), two!)
      await store.compact('n', early, one!)
      const loaded = await store.load('n')
      expect(materialise(loaded)).toBe('ab')
      expect(loaded.lastUpdateId).toBe(two)
    })
    it('drops thinned snapshots, never the one a load reads, and only the room’s own', async () => {
      const doc = new Y.Doc()
      const ids: number[] = []
      for (const letter of 'abc') {
        const [id] = await store.append([{ room: 't', update: updateWith(letter, doc) }])
        await store.compact('t', Y.encodeStateAsUpdate(doc), id!)
        ids.push(id!)
      }
      const other = new Y.Doc()
      const [elsewhere] = await store.append([{ room: 'u', update: updateWith('x', other) }])
      await store.compact('u', Y.encodeStateAsUpdate(other), elsewhere!)
      const history = await store.listSnapshots('t')
      expect(history.map((s) => s.uptoUpdateId)).toEqual(ids)
      const [foreign] = await store.listSnapshots('u')

      expect(await store.dropSnapshots('t', [...history.map((s) => s.id), foreign!.id])).toBe(2)
      expect((await store.listSnapshots('t')).map((s) => s.uptoUpdateId)).toEqual([ids[2]])
      expect(await store.listSnapshots('u')).toHaveLength(1)
      expect(materialise(await store.load('t'))).toBe('abc')
      expect(await store.dropSnapshots('t', [])).toBe(0)
    })

    it('stores an update with its author and loads the same bytes as without one', async () => {
      const doc = new Y.Doc()
      const ids = await store.append([
        { room: 'w', update: updateWith('av Anna ', doc), author: 'participant-anna' },
        { room: 'w', update: updateWith('av servern', doc), author: null },
      ])
      expect(ids).toHaveLength(2)
      const loaded = await store.load('w')
      expect(materialise(loaded)).toBe('av Anna av servern')
      expect(Object.keys(loaded).sort()).toEqual(['lastUpdateId', 'snapshot', 'updates'])
    })

    it('group commit batches concurrent appends and keeps their order', async () => {
      const commit = createGroupCommit(store)
      const doc = new Y.Doc()
      const updates = Array.from({ length: 50 }, (_, i) => updateWith(String(i % 10), doc))
      const ids = await Promise.all(updates.map((update) => commit.append('g', update)))
      expect([...ids].sort((x, y) => x - y)).toEqual(ids)
      await commit.flush()
      expect(materialise(await store.load('g'))).toBe(doc.getText('t').toString())
    })
  })
}
