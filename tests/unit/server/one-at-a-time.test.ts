import { describe, expect, it } from 'vitest'
import { makeOneAtATime } from '../../../server/relay/one-at-a-time.ts'

const tick = () => new Promise((resolve) => setTimeout(resolve, 1))

describe('background jobs one at a time', () => {
  it('run in the order given, never two at once', async () => {
    const inTurn = makeOneAtATime()
    let running = 0
    let most = 0
    const order: number[] = []
    const job = (n: number) => async () => {
      running += 1
      most = Math.max(most, running)
      await tick()
      order.push(n)
      running -= 1
      return n * 10
    }
    const results = await Promise.all([1, 2, 3, 4].map((n) => inTurn(job(n))))
    expect(results).toEqual([10, 20, 30, 40])
    expect(order).toEqual([1, 2, 3, 4])
    expect(most).toBe(1)
  })

  it('let the event loop serve what arrived meanwhile before the next job', async () => {
    const inTurn = makeOneAtATime()
    const seen: string[] = []
    const first = inTurn(async () => {
      seen.push('first')
      setImmediate(() => seen.push('other work'))
    })
    const second = inTurn(async () => void seen.push('second'))
    await Promise.all([first, second])
    expect(seen).toEqual(['first', 'other work', 'second'])
  })

  it('go on after a job that fails, which fails alone', async () => {
    const inTurn = makeOneAtATime()
    const failing = inTurn(async () => {
      throw new Error('disk full')
    })
    const next = inTurn(async () => 'done')
    await expect(failing).rejects.toThrow('disk full')
    await expect(next).resolves.toBe('done')
  })
})
