import { describe, expect, it } from 'vitest'
import { nextTurn } from '../../../server/next-turn.ts'
import { makeRelayScheduler } from '../../../server/relay/relay-scheduler.ts'

/** A scheduler on a clock the tasks move: each task "takes" `costMs`. */
function timed(sliceMs: number, costMs: number, maxTurnMs?: number) {
  let clock = 0
  const errors: unknown[] = []
  const scheduler = makeRelayScheduler({
    sliceMs,
    maxTurnMs,
    now: () => clock,
    onError: (e) => errors.push(e),
  })
  const ran: string[] = []
  const task = (name: string) => () => {
    clock += costMs
    ran.push(name)
  }
  return { scheduler, ran, task, errors, advance: (ms: number) => (clock += ms) }
}

describe('relay scheduler', () => {
  it('runs everything in the same turn while the turn has time', async () => {
    const { scheduler, ran, task } = timed(4, 1)
    scheduler.schedule(task('a'))
    scheduler.schedule(task('b'))
    scheduler.schedule(task('c'))
    expect(ran).toEqual([]) // a microtask: after the code that scheduled them
    await Promise.resolve()
    expect(ran).toEqual(['a', 'b', 'c'])
    expect(scheduler.pending()).toBe(0)
  })

  it('leaves what a long turn did not reach to the next turns, in order', async () => {
    const { scheduler, ran, task } = timed(4, 2)
    for (const name of ['a', 'b', 'c', 'd', 'e']) scheduler.schedule(task(name))
    await Promise.resolve()
    expect(ran).toEqual(['a', 'b'])
    let turns = 0
    while (scheduler.pending() > 0 && turns < 10) {
      await nextTurn()
      turns += 1
    }
    expect(ran).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(turns).toBeGreaterThanOrEqual(2)
  })

  it('shares one slice among the runs of a turn (one per socket read in a poll phase)', async () => {
    const { scheduler, ran, task } = timed(4, 3)
    scheduler.schedule(task('a'))
    await Promise.resolve() // the first read's run: 3 ms of the turn's 4
    scheduler.schedule(task('b'))
    scheduler.schedule(task('c'))
    await Promise.resolve() // a second read's run, the same turn: 1 ms left, one task
    expect(ran).toEqual(['a', 'b'])
    expect(scheduler.pending()).toBe(1)
    await nextTurn() // the check phase: a slice of its own
    expect(ran).toEqual(['a', 'b', 'c'])
  })

  it('gives a run long after the last a turn of its own', async () => {
    const { scheduler, ran, task, advance } = timed(4, 5)
    scheduler.schedule(task('a')) // spends its whole turn
    await Promise.resolve()
    advance(10) // the loop went round: a later turn's read schedules more
    scheduler.schedule(task('b'))
    await Promise.resolve()
    expect(ran).toEqual(['a', 'b'])
  })

  it('gives a backlog that has waited a turn at least half as long as its wait', async () => {
    const { scheduler, ran, task, advance } = timed(4, 1, 100)
    for (let i = 0; i < 40; i++) scheduler.schedule(task(`t${i}`))
    await Promise.resolve()
    expect(ran).toHaveLength(4) // the slice: 4 ms of 1 ms tasks
    advance(30) // a long turn of reads before the next relaying: the backlog waited ~34 ms
    await nextTurn()
    // Before: 4 more, however long the rest had waited.
    expect(ran).toHaveLength(4 + 17)
    await nextTurn()
    expect(ran).toHaveLength(40) // waited ~51 ms: the remaining 19 fit in its 25 ms
  })

  it('gives a backlog no turn longer than its bound, however long it waited', async () => {
    const { scheduler, ran, task, advance } = timed(4, 1, 8)
    for (let i = 0; i < 40; i++) scheduler.schedule(task(`t${i}`))
    await Promise.resolve()
    expect(ran).toHaveLength(4)
    advance(60) // waited ~64 ms: half of it would be a 32 ms turn
    await nextTurn()
    expect(ran).toHaveLength(4 + 8)
  })

  it('runs a frame at once while the turn has time, and queues it once the slice is spent', async () => {
    const { scheduler, ran, task } = timed(4, 3)
    scheduler.runNowOrLater(task('a'))
    expect(ran).toEqual(['a']) // at once, not a microtask later
    scheduler.runNowOrLater(task('b')) // the same turn: 3 of its 4 ms spent, it may start
    scheduler.runNowOrLater(task('c')) // 6 ms spent: it waits
    expect(ran).toEqual(['a', 'b'])
    expect(scheduler.pending()).toBe(1)
    for (let turn = 0; turn < 5 && scheduler.pending() > 0; turn++) await nextTurn()
    expect(ran).toEqual(['a', 'b', 'c'])
  })

  it('queues a frame behind what waits even in a new turn, so frames keep their order', async () => {
    const { scheduler, ran, task, advance } = timed(4, 5)
    scheduler.runNowOrLater(task('a')) // spends the turn
    scheduler.runNowOrLater(task('b')) // waits
    advance(10) // a later turn's read, before the check phase ran the backlog
    scheduler.runNowOrLater(task('c'))
    expect(ran).toEqual(['a'])
    for (let turn = 0; turn < 5 && scheduler.pending() > 0; turn++) await nextTurn()
    expect(ran).toEqual(['a', 'b', 'c'])
  })

  it('drains everything queued at once when asked (a shutdown)', () => {
    const { scheduler, ran, task } = timed(4, 5)
    for (const name of ['a', 'b', 'c', 'd']) scheduler.runNowOrLater(task(name))
    expect(ran).toEqual(['a'])
    scheduler.drain()
    expect(ran).toEqual(['a', 'b', 'c', 'd'])
    expect(scheduler.pending()).toBe(0)
  })

  it('runs tasks scheduled while it runs after the ones before them', async () => {
    const { scheduler, ran, task } = timed(100, 1)
    scheduler.schedule(() => {
      ran.push('first')
      scheduler.schedule(task('later'))
    })
    scheduler.schedule(task('second'))
    await Promise.resolve()
    await Promise.resolve()
    expect(ran).toEqual(['first', 'second', 'later'])
  })

  it('reports a task that throws and goes on with the others', async () => {
    const { scheduler, ran, task, errors } = timed(100, 1)
    scheduler.schedule(() => {
      throw new Error('boom')
    })
    scheduler.schedule(task('after'))
    await Promise.resolve()
    expect(ran).toEqual(['after'])
    expect(errors).toHaveLength(1)
    scheduler.schedule(task('again'))
    await Promise.resolve()
    expect(ran).toEqual(['after', 'again'])
  })
})
