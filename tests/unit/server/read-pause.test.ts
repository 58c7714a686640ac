import { describe, expect, it } from 'vitest'
import { makeReadPause, type Pausable } from '../../../server/relay/read-pause.ts'
import { sleep } from '../../helpers/clients.ts'

function socket() {
  const state = { reading: true, pauses: 0 }
  const pausable: Pausable = {
    pause: () => {
      state.reading = false
      state.pauses += 1
    },
    resume: () => (state.reading = true),
  }
  return { state, pausable }
}

/** Pauses above 100 waiting, resumes at 10 or fewer, checking every 5 ms. */
const pauseOver = (backlog: () => number) =>
  makeReadPause({ backlog, pauseAbove: 100, resumeBelow: 10, checkEveryMs: 5 })

describe('read pause', () => {
  it('stops reading a socket whose frame finds a long backlog, and reads it again once it is short', async () => {
    let backlog = 0
    const pause = pauseOver(() => backlog)
    const a = socket()
    const b = socket()
    pause.afterFrame(a.pausable)
    expect(a.state.reading).toBe(true) // nothing waits

    backlog = 150
    pause.afterFrame(a.pausable)
    pause.afterFrame(a.pausable) // already paused: once
    pause.afterFrame(b.pausable)
    expect([a.state.reading, b.state.reading]).toEqual([false, false])
    expect(a.state.pauses).toBe(1)

    backlog = 50 // shorter, not short enough
    await sleep(20)
    expect(pause.pausedCount()).toBe(2)

    backlog = 5
    await sleep(20)
    expect([a.state.reading, b.state.reading]).toEqual([true, true])
    expect(pause.pausedCount()).toBe(0)
  })

  it('does not resume a socket that closed meanwhile', async () => {
    let backlog = 150
    const pause = pauseOver(() => backlog)
    const a = socket()
    pause.afterFrame(a.pausable)
    pause.forget(a.pausable)
    backlog = 0
    await sleep(20)
    expect(a.state.reading).toBe(false)
  })
})
