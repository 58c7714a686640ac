import { createRoot } from 'solid-js'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createUndoOffer, UNDO_OFFER_MS } from '../../../client/src/components/undo-offer.ts'

/** An offer in its own reactive root, released after the test. */
const made: (() => void)[] = []
const offerForTest = () =>
  createRoot((dispose) => {
    made.push(dispose)
    return createUndoOffer()
  })

afterEach(() => {
  for (const dispose of made.splice(0)) dispose()
  vi.useRealTimers()
})

describe('the undo offer after a removal', () => {
  it('goes after its time when nobody is on it', () => {
    vi.useFakeTimers()
    const offer = offerForTest()
    offer.show('”Extraträff” togs bort.', () => true)
    expect(offer.offer()).toBe('”Extraträff” togs bort.')
    vi.advanceTimersByTime(UNDO_OFFER_MS - 1)
    expect(offer.offer()).not.toBeNull()
    vi.advanceTimersByTime(1)
    expect(offer.offer()).toBeNull()
  })

  it('runs an undo once, even pressed twice while the server answers', async () => {
    const offer = offerForTest()
    let calls = 0
    const answers: ((undone: boolean) => void)[] = []
    offer.show('borttagen', () => {
      calls += 1
      return new Promise<boolean>((resolve) => answers.push(resolve))
    })
    const first = offer.undo()
    expect(offer.pending()).toBe(true)
    const second = offer.undo()
    for (const answer of answers) answer(true)
    expect(await first).toBe(true)
    expect(await second).toBe(false)
    expect(calls).toBe(1)
    expect(offer.offer()).toBeNull()
    expect(offer.pending()).toBe(false)
  })

  it('stays offered, marked failed, when the undo fails; a second try can bring it back', async () => {
    const offer = offerForTest()
    let reachable = false
    offer.show('borttagen', async () => {
      if (!reachable) throw new Error('offline')
      return true
    })
    expect(await offer.undo()).toBe(false)
    expect(offer.failed()).toBe(true)
    expect(offer.offer()).toBe('borttagen')
    reachable = true
    expect(await offer.undo()).toBe(true)
    expect(offer.failed()).toBe(false)
    expect(offer.offer()).toBeNull()
  })
})
