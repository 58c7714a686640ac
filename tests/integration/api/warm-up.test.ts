import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { warmUp } from '../../../server/http/warm-up.ts'
import { countTurns } from '../../helpers/turns.ts'
import { startApi, type ApiHarness } from './harness.ts'

describe('warm-up before the held joins are handed over', () => {
  let api: ApiHarness
  beforeAll(async () => {
    api = await startApi()
  })
  afterAll(() => api.close())

  it("takes a join's path to the session lookup, which finds no session", async () => {
    // 401, not 403 or 404: the room's name let it through to the lookup.
    expect(await warmUp(api.app.fetch)).toBe(401)
  })

  it('takes its steps in turns of their own', async () => {
    const turns = countTurns()
    await warmUp(api.app.fetch)
    turns.stop()
    expect(turns.now()).toBeGreaterThanOrEqual(3)
  })
})
