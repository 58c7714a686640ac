import { describe, expect, it } from 'vitest'
import { AdmissionFull, makeAdmission } from '../../../server/relay/admission.ts'

/** A join that finishes when the test says so, recording how many ran with it. */
function joins(count: number) {
  let running = 0
  let most = 0
  const finish: (() => void)[] = []
  const started: number[] = []
  const make = (i: number) => () =>
    new Promise<number>((resolve) => {
      running += 1
      most = Math.max(most, running)
      started.push(i)
      finish[i] = () => {
        running -= 1
        resolve(i)
      }
    })
  return { make, finish, started, most: () => most, count }
}

const turn = () => new Promise((resolve) => setImmediate(resolve))

describe('admission of joins', () => {
  it('runs at most atOnce joins at a time and lets every waiting one through, in order', async () => {
    const admission = makeAdmission({ atOnce: 2, waiting: 10 })
    const j = joins(12)
    const results = Array.from({ length: j.count }, (_, i) => admission.admit(j.make(i)))
    await turn()
    expect(j.started).toEqual([0, 1])
    expect(admission.waitingCount()).toBe(10)
    for (let i = 0; i < j.count; i++) {
      while (!j.finish[i]) await turn()
      j.finish[i]!()
    }
    expect(await Promise.all(results)).toEqual([...Array(j.count).keys()])
    expect(j.started).toEqual([...Array(j.count).keys()])
    expect(j.most()).toBe(2)
    await turn() // places are handed on a turn later
    expect(admission.runningCount()).toBe(0)
  })

  it('refuses a join beyond the waiting bound at once, and takes joins again once there is room', async () => {
    const admission = makeAdmission({ atOnce: 1, waiting: 2 })
    const j = joins(4)
    const admitted = [0, 1, 2].map((i) => admission.admit(j.make(i)))
    await expect(admission.admit(j.make(3))).rejects.toBeInstanceOf(AdmissionFull)
    for (let i = 0; i < 3; i++) {
      while (!j.finish[i]) await turn()
      j.finish[i]!()
    }
    await Promise.all(admitted)
    const later = admission.admit(j.make(3))
    while (!j.finish[3]) await turn()
    j.finish[3]!()
    expect(await later).toBe(3)
  })

  it('a join that fails gives its place to the next', async () => {
    const admission = makeAdmission({ atOnce: 1, waiting: 5 })
    const failed = admission.admit(() => Promise.reject(new Error('no session')))
    const next = admission.admit(() => Promise.resolve('in'))
    await expect(failed).rejects.toThrow('no session')
    expect(await next).toBe('in')
    await turn() // places are handed on a turn later
    expect(admission.runningCount()).toBe(0)
  })
})
