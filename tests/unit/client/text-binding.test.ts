import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyLocalEdit, diffText, mapPosition } from '../../../client/src/sync/text-binding.ts'

describe('diffText', () => {
  it.each([
    ['abc', 'abXc', { index: 2, remove: 0, insert: 'X' }],
    ['abc', 'ac', { index: 1, remove: 1, insert: '' }],
    ['aaa', 'aaaa', { index: 3, remove: 0, insert: 'a' }],
    ['hej då', 'hej igen', { index: 4, remove: 2, insert: 'igen' }],
    ['', 'ny', { index: 0, remove: 0, insert: 'ny' }],
  ])('%s → %s', (before, after, expected) => {
    expect(diffText(before, after)).toEqual(expected)
  })
})

describe('applyLocalEdit', () => {
  it('turns a whole-field value into a minimal edit that merges with a concurrent one', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    a.getText('t').insert(0, 'Styrkedjan')
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    applyLocalEdit(a.getText('t'), 'Styrkedjan i Askersund', 'a')
    applyLocalEdit(b.getText('t'), 'Den styrkedjan'.replace('Den s', 'Vår S'), 'b')
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(a.getText('t').toString()).toBe('Vår Styrkedjan i Askersund')
    expect(b.getText('t').toString()).toBe(a.getText('t').toString())
  })
})

describe('mapPosition keeps the caret on the same character after a remote edit', () => {
  it('shifts right for text inserted before the caret', () => {
    expect(mapPosition([{ retain: 2 }, { insert: 'XY' }], 5)).toBe(7)
  })
  it('stays put for text inserted after or at the caret', () => {
    expect(mapPosition([{ retain: 5 }, { insert: 'XY' }], 5)).toBe(5)
    expect(mapPosition([{ retain: 8 }, { insert: 'XY' }], 5)).toBe(5)
  })
  it('shifts left for text deleted before the caret, clamped at the deletion', () => {
    expect(mapPosition([{ retain: 1 }, { delete: 2 }], 5)).toBe(3)
    expect(mapPosition([{ retain: 3 }, { delete: 5 }], 5)).toBe(3)
  })
})
