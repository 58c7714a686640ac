import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoGroups } from '../../../../server/demo/round.ts'
import type { RoundDetail } from '../../../../shared/rounds-api.ts'
import { errorCode, join, startApi, type ApiHarness } from '../harness.ts'
import { send, signInLead, type SignedInLead } from './lead-harness.ts'

const KOMMUNER = 'modellkommuner-2019-2020'
const REGIONER = 'modellregioner-2019-2020'

type Method = 'GET' | 'POST' | 'PATCH'

/**
 * Every round route refuses whoever is not a round lead of that round: 401 without a
 * session, 403 for a group's facilitator (a session, but of a member), 403 for the lead of
 * another round, and, for what makes a round, 403 for a lead of one round.
 */
describe('round routes: who may call them', () => {
  let api: ApiHarness
  let facilitatorCookie: string
  let regionLead: SignedInLead
  let kommunLead: SignedInLead
  let groupId: string

  beforeAll(async () => {
    api = await startApi()
    const group = api.group(demoGroups.find((g) => g.cohortId === KOMMUNER)!.room)
    groupId = group.id
    facilitatorCookie = (await join(api.app, group.invites.facilitator, 'Anna Mentor')).cookie
    regionLead = await signInLead(api, REGIONER, 'Rut Region')
    kommunLead = await signInLead(api, KOMMUNER, 'Kim Kommun')
  })
  afterAll(() => api.close())

  const base = `/api/rounds/${KOMMUNER}`
  const inRound: [Method, string, unknown][] = [
    ['GET', base, undefined],
    ['PATCH', base, { name: 'Nytt namn' }],
    ['POST', `${base}/groups`, {}],
    ['PATCH', `${base}/groups/GROUP`, { name: 'X' }],
    ['POST', `${base}/groups/GROUP/invitations`, {}],
    ['POST', `${base}/groups/GROUP/enter`, {}],
  ]
  const makingRounds: [Method, string, unknown][] = [
    ['POST', '/api/rounds', {}],
    ['POST', `${base}/copy`, {}],
  ]
  const every = [
    ['GET', '/api/rounds', undefined] as [Method, string, unknown],
    ...inRound,
    ...makingRounds,
  ]
  const call = (method: Method, path: string, body: unknown, headers: Record<string, string>) =>
    api.app.request(path.replace('GROUP', groupId), send(method, body ?? {}, headers))

  it.each(every)('%s %s: 401 without a session', async (method, path, body) => {
    const response = await call(method, path, body, {})
    expect(response.status).toBe(401)
    expect(await errorCode(response)).toBe('unauthenticated')
  })

  it.each(every)('%s %s: 403 for a group facilitator', async (method, path, body) => {
    const response = await call(method, path, body, { cookie: facilitatorCookie })
    expect(response.status).toBe(403)
    expect(await errorCode(response)).toBe('forbidden')
  })

  it.each([...inRound, ...makingRounds])(
    '%s %s: 403 for the lead of another round',
    async (method, path, body) => {
      const response = await call(method, path, body, regionLead.headers)
      expect(response.status).toBe(403)
    },
  )

  it.each(makingRounds)('%s %s: 403 for a lead of that one round', async (method, path, body) => {
    const response = await call(method, path, body, kommunLead.headers)
    expect(response.status).toBe(403)
  })

  it('a lead of one round sees only it; its own round is open to them', async () => {
    const list = await api.app.request('/api/rounds', { headers: kommunLead.headers })
    const body = (await list.json()) as { rounds: { id: string }[] }
    expect(body.rounds.map((r) => r.id)).toEqual([KOMMUNER])
    const own = await api.app.request(base, { headers: kommunLead.headers })
    expect(own.status).toBe(200)
    const detail = (await own.json()) as RoundDetail
    expect(detail.groups.map((g) => g.id)).toContain(groupId)
    // A group of another round through this round's path is not found.
    const otherGroup = demoGroups.find((g) => g.cohortId === REGIONER)!
    const elsewhere = await api.app.request(
      `${base}/groups/${otherGroup.id}/enter`,
      send('POST', {}, kommunLead.headers),
    )
    expect(elsewhere.status).toBe(404)
  })
})
