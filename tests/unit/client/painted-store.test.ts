import { describe, expect, test } from 'vitest'
import {
  forgetPaintedBoards,
  keepPaintedBoard,
  readPaintedBoard,
  type PaintedBoard,
} from '../../../client/src/painted/painted-store.ts'

/** localStorage's interface over a Map, with an optional quota in characters. */
function memoryStorage(quotaChars = Infinity) {
  const items = new Map<string, string>()
  const used = () => [...items].reduce((sum, [key, value]) => sum + key.length + value.length, 0)
  return {
    items,
    get length() {
      return items.size
    },
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem: (key: string) => items.get(key) ?? null,
    setItem(key: string, value: string) {
      const before = items.get(key)
      items.set(key, value)
      if (used() > quotaChars) {
        if (before === undefined) items.delete(key)
        else items.set(key, before)
        throw new DOMException('full', 'QuotaExceededError')
      }
    },
    removeItem: (key: string) => void items.delete(key),
  }
}

const board = (room: string, at: number, html = `<h1>${room}</h1>`): PaintedBoard => ({
  v: 1,
  room,
  entry: '/assets/index-abc.js',
  lang: 'sv',
  styles: ['/assets/index-abc.css'],
  html,
  at,
})

describe('painted boards on the device', () => {
  test('a kept board is read back for its URL, and only for it', () => {
    const storage = memoryStorage()
    expect(keepPaintedBoard('/g/r1/m/a?del=agenda', board('r1', 1), storage)).toBe(true)
    expect(readPaintedBoard('/g/r1/m/a?del=agenda', storage)).toEqual(board('r1', 1))
    expect(readPaintedBoard('/g/r1/m/a?del=matris', storage)).toBeNull()
    expect(readPaintedBoard('/g/r1/m/a', storage)).toBeNull()
  })

  test('what is not a painted board of this version reads as none', () => {
    const storage = memoryStorage()
    storage.setItem('modellrummet:painted:/g/r1/m/a', '{not json')
    storage.setItem('modellrummet:painted:/g/r1/m/b', JSON.stringify({ ...board('r1', 1), v: 0 }))
    storage.setItem(
      'modellrummet:painted:/g/r1/m/c',
      JSON.stringify({ ...board('r1', 1), styles: [1] }),
    )
    for (const path of ['/g/r1/m/a', '/g/r1/m/b', '/g/r1/m/c']) {
      expect(readPaintedBoard(path, storage)).toBeNull()
    }
  })

  test('at most four boards are kept, the least recently kept going first', () => {
    const storage = memoryStorage()
    for (let i = 1; i <= 6; i++) keepPaintedBoard(`/g/r/m/${i}`, board('r', i), storage)
    const kept = [1, 2, 3, 4, 5, 6].filter((i) => readPaintedBoard(`/g/r/m/${i}`, storage))
    expect(kept).toEqual([3, 4, 5, 6])
    // Keeping one again does not count it twice.
    keepPaintedBoard('/g/r/m/3', board('r', 7), storage)
    expect([1, 2, 3, 4, 5, 6].filter((i) => readPaintedBoard(`/g/r/m/${i}`, storage))).toEqual([
      3, 4, 5, 6,
    ])
  })

  test('a board too big, or one the storage has no room for, is not kept and loses nothing else', () => {
    const storage = memoryStorage(2_000)
    keepPaintedBoard('/g/r/m/small', board('r', 1), storage)
    expect(keepPaintedBoard('/g/r/m/big', board('r', 2, 'x'.repeat(400_001)), storage)).toBe(false)
    expect(keepPaintedBoard('/g/r/m/full', board('r', 3, 'x'.repeat(1_900)), storage)).toBe(false)
    expect(readPaintedBoard('/g/r/m/big', storage)).toBeNull()
    expect(readPaintedBoard('/g/r/m/full', storage)).toBeNull()
    expect(readPaintedBoard('/g/r/m/small', storage)).toEqual(board('r', 1))
  })

  test("forgetting a room forgets its boards (and unreadable ones), not another room's", () => {
    const storage = memoryStorage()
    keepPaintedBoard('/g/r1/m/a', board('r1', 1), storage)
    keepPaintedBoard('/g/r1/m/b?del=pdsa', board('r1', 2), storage)
    keepPaintedBoard('/g/r2/m/a', board('r2', 3), storage)
    storage.setItem('modellrummet:painted:/g/r3/m/a', 'garbage')
    storage.setItem('modellrummet:language', 'en')
    forgetPaintedBoards('r1', storage)
    expect([...storage.items.keys()].sort()).toEqual([
      'modellrummet:language',
      'modellrummet:painted:/g/r2/m/a',
    ])
  })
})
