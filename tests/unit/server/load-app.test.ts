import { describe, expect, it } from 'vitest'
import { loadApp, loadInParts } from '../../../server/load-app.ts'
import { countTurns } from '../../helpers/turns.ts'

describe('loading the app in parts', () => {
  it('runs each part, and then the last, in a turn of the event loop of its own', async () => {
    const turns = countTurns()
    const ranIn: number[] = []
    const part = () => ranIn.push(turns.now())
    const last = await loadInParts([part, part, part], async () => turns.now())
    turns.stop()
    const all = [...ranIn, last]
    expect(all).toHaveLength(4)
    for (let i = 1; i < all.length; i++) expect(all[i]).toBeGreaterThan(all[i - 1] ?? Infinity)
  })

  it('loads the app', async () => {
    const { runServer } = await loadApp()
    expect(runServer).toBeTypeOf('function')
  })
})
