import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiError } from '../../../shared/api.ts'
import { join, json, startApi, type ApiHarness } from './harness.ts'

const ROOM = 'askersund-fagersta'

/**
 * A name is shown to every member (presence, the participant list): before, "\u202e" turned
 * the names after it around, and a name of zero-width spaces showed as nobody.
 */
describe('names the API accepts', () => {
  let api: ApiHarness
  beforeAll(async () => {
    api = await startApi()
  })
  afterAll(async () => {
    await api.close()
  })

  const tryJoin = (name: string) =>
    api.app.request('/api/join', json({ invite: api.group(ROOM).invites.participant, name }))

  it('refuses a control, bidi or invisible name with a 400 that says why, and joins nobody', async () => {
    for (const [name, why] of [
      ['Anna\u202eeb', /text-direction/],
      ['\u2066Bo\u2069', /text-direction/],
      ['Anna\nAdmin', /control/],
      ['\u200b\u200b', /visible/],
      ['\u3164', /visible/],
    ] as const) {
      const response = await tryJoin(name)
      expect(response.status, JSON.stringify(name)).toBe(400)
      expect(response.headers.get('set-cookie')).toBeNull()
      const body = (await response.json()) as ApiError
      expect(body.error.code).toBe('bad_request')
      expect(body.error.message).toMatch(/^name: /)
      expect(body.error.message).toMatch(why)
    }
    expect((await join(api.app, api.group(ROOM).invites.participant, 'Åsa 👋')).status).toBe(200)
  })

  it('refuses control and bidi characters in a meeting title and place', async () => {
    const facilitator = await join(api.app, api.group(ROOM).invites.facilitator, 'Hedda')
    for (const input of [
      { kind: 'extra', title: 'Extra\u202e' },
      { kind: 'extra', place: 'Rum\n3' },
    ]) {
      const response = await api.app.request(
        `/api/rooms/${ROOM}/meetings`,
        json(input, { cookie: facilitator.cookie }),
      )
      expect(response.status, JSON.stringify(input)).toBe(400)
    }
  })
})
