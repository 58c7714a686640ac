import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureDemo, type DemoRound } from '../../../../server/demo/ensure-demo.ts'
import type { RunningServer } from '../../../../server/server.ts'
import type { JoinResponse } from '../../../../shared/api.ts'
import { checklistPhases } from '../../../../shared/domain/checklist.ts'
import { checklist2019 } from '../../../../shared/domain/checklist-versions.ts'
import { resultsChainLevels } from '../../../../shared/domain/results-chain.ts'
import type { RoundOverview } from '../../../../shared/round-overview-api.ts'
import type { LeadSessionResponse } from '../../../../shared/rounds-api.ts'
import { setChecklistScore } from '../../../../shared/workspace/index.ts'
import { connectClient, waitFor, waitForSync } from '../../../helpers/clients.ts'
import { makeTempDatabase } from '../../../helpers/database.ts'
import { buildRound, type BuiltRound } from '../../../helpers/round-of-groups.ts'
import { startTestServer } from '../../../helpers/server.ts'

const KOMMUNER = 'modellkommuner-2019-2020'
const REGIONER = 'modellregioner-2019-2020'

/**
 * The round overview (issue 13): every group of a round side by side, read on the server
 * from each group's workspace, for the round's lead and, read only, its groups'
 * facilitators. Against a real server on a real libSQL file, with a real y-websocket client.
 */
describe('the round overview', () => {
  let database: ReturnType<typeof makeTempDatabase>
  let server: RunningServer
  let demo: DemoRound
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

  async function leadSession(cohortId: string | null): Promise<string> {
    const { token } = await server.services.leads.invite({
      cohortId,
      expiresAt: new Date(Date.now() + 60_000),
      createdBy: null,
    })
    const response = await fetch(`${server.url}/api/lead/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, displayName: 'Karin Omgång' }),
    })
    return ((await response.json()) as LeadSessionResponse).session!
  }

  async function joinAs(room: string, role: 'facilitator' | 'participant' | 'viewer') {
    const group = demo.groups.find((g) => g.room === room)!
    const response = await fetch(`${server.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invite: group.invites[role], name: `Test ${role}` }),
    })
    expect(response.status).toBe(200)
    return ((await response.json()) as JoinResponse).session
  }

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { headers })

  async function overview(path: string, token: string): Promise<RoundOverview> {
    const response = await get(path, bearer(token))
    expect(response.status, await response.clone().text()).toBe(200)
    return (await response.json()) as RoundOverview
  }

  const allUnloaded = (rooms: readonly string[]) =>
    waitFor(
      () => rooms.every((room) => server.services.rooms.stateOf(room) === 'unloaded'),
      10_000,
      'rooms to unload',
    )

  beforeAll(async () => {
    database = makeTempDatabase()
    server = await startTestServer(database.url)
    demo = await ensureDemo(server.services, { publicUrl: server.url })
  })
  afterAll(async () => {
    await server.close()
    database.remove()
  })

  it('gives the 2019 round’s means per item and phase, criterion and plans, as worked out by hand', async () => {
    const lead = await leadSession(KOMMUNER)
    // Botkyrka and Västerås score their start-up live on the board (the room is loaded).
    const facilitator = await joinAs('botkyrka-vasteras', 'facilitator')
    const client = connectClient(server.url, 'botkyrka-vasteras', facilitator)
    try {
      await waitForSync(client)
      const sheets = {
        'kommun-botkyrka': [2, 2, 2, 2, 2, 2, 2, 2, 2, 2],
        'kommun-vasteras': [3, 3, 3, 3, 3, 3, 2, 2, 2, 2],
      } as const
      client.doc.transact(() => {
        for (const [organisationId, scores] of Object.entries(sheets))
          scores.forEach((score, index) =>
            setChecklistScore(
              client.doc,
              organisationId,
              'uppstart',
              checklist2019.items[index]!.id,
              score,
            ),
          )
      })
      let figures: RoundOverview | null = null
      const url = `/api/rounds/${KOMMUNER}/overview`
      for (let tries = 0; tries < 100; tries += 1) {
        figures = await overview(url, lead)
        if (figures.items[0]!.respondents.uppstart === 4) break
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      expect(server.services.rooms.stateOf('botkyrka-vasteras')).toBe('live')
      const round = figures!

      // Askersund and Fagersta's uppstart and BM1 are the demo board's (living-board-content):
      // Askersund uppstart 3 2 2 1 2 1 1 1 1 1, BM1 3 2 2 2 2 2 1 1 1 1;
      // Fagersta uppstart 3 2 1 2 2 2 1 1 1 1, BM1 3 3 2 2 3 2 1 2 1 1.
      // Item 1 at uppstart: (3 + 3 + 2 + 3) / 4 = 2.75; at BM1 (3 + 3) / 2 = 3.
      expect(round.items[0]).toMatchObject({
        number: 1,
        means: { uppstart: 2.75, bm1: 3, bm2: null, bm3: null, avslutning: null },
        respondents: { uppstart: 4, bm1: 2, bm2: 0 },
        improvement: 0.25,
      })
      // Item 3: (2 + 1 + 2 + 3) / 4 = 2, BM1 (2 + 2) / 2 = 2. Item 4: (1 + 2 + 2 + 3) / 4 = 2.
      expect(round.items[2]!.means.uppstart).toBe(2)
      expect(round.items[3]!.means.uppstart).toBe(2)
      // Item 7: (1 + 1 + 2 + 2) / 4 = 1.5, BM1 (1 + 1) / 2 = 1: a step back, -0.5.
      expect(round.items[6]).toMatchObject({ means: { uppstart: 1.5, bm1: 1 }, improvement: -0.5 })
      expect(round.items.map((item) => item.means.bm1)).toEqual([
        3, 2.5, 2, 2, 2.5, 2, 1, 1.5, 1, 1,
      ])
      // Västerås alone meets the criterion at uppstart (no 1, six 3s); nobody at BM1.
      expect(round.criterion.uppstart).toEqual({ met: 1, fullyScored: 4, scored: 4 })
      expect(round.criterion.bm1).toEqual({ met: 0, fullyScored: 2, scored: 2 })
      expect(round.criterion.bm2).toEqual({ met: 0, fullyScored: 0, scored: 0 })
      // The demo's three BM1 plans, none followed up to a level yet.
      expect(round.plans).toEqual({
        aktivitet: 0,
        produkt: 0,
        arbetssatt: 0,
        utfall: 0,
        samhallseffekt: 0,
        none: 3,
      })

      expect(round.round).toMatchObject({ id: KOMMUNER, checklistVersion: 'skr-2019' })
      const rooms = round.groups.map((group) => group.room)
      expect(rooms).toEqual(
        expect.arrayContaining(['askersund-fagersta', 'botkyrka-vasteras', 'sodertalje-ostersund']),
      )
      const askersund = round.groups.find((group) => group.room === 'askersund-fagersta')!
      // The 2019 round's five meetings were all held (dated 2019–2020).
      expect(askersund.meetings).toEqual({ planned: 5, held: 5, undated: 0, next: null })
      expect(askersund.criterion.bm1.scored).toBe(2)
      expect(askersund.plans.none).toBe(3)
      expect(askersund.organisations.map((org) => org.memberRole)).toEqual([
        'benchmarking',
        'benchmarking',
        'mentor',
      ])
      expect(round.groups.find((g) => g.room === 'botkyrka-vasteras')!.lastActivityAt).not.toBe(
        null,
      )

      // The group's facilitator reads the same figures for their own round.
      const theirs = await overview('/api/rooms/botkyrka-vasteras/round-overview', facilitator)
      expect(theirs.items).toEqual(round.items)
      expect(theirs.groups.map((group) => group.id)).toEqual(round.groups.map((group) => group.id))
    } finally {
      client.destroy()
    }

    // Unloaded, the workspaces are read from the store, and the overview loads no room.
    const rooms = demo.groups.map((group) => group.room)
    await allUnloaded(rooms)
    const stored = await overview(`/api/rounds/${KOMMUNER}/overview`, lead)
    expect(stored.items[0]!.means).toMatchObject({ uppstart: 2.75, bm1: 3 })
    expect(stored.criterion.uppstart.met).toBe(1)
    expect(rooms.filter((room) => server.services.rooms.stateOf(room) !== 'unloaded')).toEqual([])
  })

  it('is for the round’s lead and its groups’ facilitators only', async () => {
    const lead = await leadSession(KOMMUNER)
    const otherLead = await leadSession(REGIONER)
    const everyRound = await leadSession(null)
    const facilitator = await joinAs('askersund-fagersta', 'facilitator')
    const participant = await joinAs('askersund-fagersta', 'participant')
    const viewer = await joinAs('askersund-fagersta', 'viewer')
    const leadUrl = `/api/rounds/${KOMMUNER}/overview`
    const groupUrl = '/api/rooms/askersund-fagersta/round-overview'

    expect((await get(leadUrl)).status).toBe(401)
    expect((await get(leadUrl, bearer(facilitator))).status).toBe(403)
    expect((await get(leadUrl, bearer(otherLead))).status).toBe(403)
    expect((await get(leadUrl, bearer(everyRound))).status).toBe(200)
    expect((await get('/api/rounds/no-such-round/overview', bearer(everyRound))).status).toBe(404)
    expect((await get(`/api/rounds/${KOMMUNER}/overview`, bearer(lead))).status).toBe(200)

    expect((await get(groupUrl)).status).toBe(401)
    expect((await get(groupUrl, bearer(participant))).status).toBe(403)
    expect((await get(groupUrl, bearer(viewer))).status).toBe(403)
    expect((await get(groupUrl, bearer(lead))).status).toBe(401)
    // A facilitator's session is for their own group's room: another room's is refused.
    expect(
      (await get('/api/rooms/botkyrka-vasteras/round-overview', bearer(facilitator))).status,
    ).toBe(403)
    const own = (await (await get(groupUrl, bearer(facilitator))).json()) as RoundOverview
    expect(own.round.id).toBe(KOMMUNER)
  })

  describe('a round of 50 groups', () => {
    let built: BuiltRound
    let figures: RoundOverview

    beforeAll(async () => {
      built = await buildRound(server.services, { groups: 50, seed: 50 })
      await allUnloaded(built.groups.map((group) => group.room))
      figures = await overview(`/api/rounds/${built.cohortId}/overview`, await leadSession(null))
    }, 60_000)

    const organisations = () => built.groups.flatMap((group) => [...group.scores.values()])

    it('has every group, side by side, with its meetings and plans', () => {
      expect(figures.groups).toHaveLength(50)
      expect(figures.groups.map((group) => group.id)).toEqual(built.groups.map((g) => g.id))
      expect(figures.organisationCount).toBe(organisations().length)
      figures.groups.forEach((group, index) => {
        const truth = built.groups[index]!
        expect(group.readable).toBe(true)
        expect(group.meetings).toMatchObject({
          planned: truth.meetings.held + truth.meetings.ahead + truth.meetings.undated,
          held: truth.meetings.held,
          undated: truth.meetings.undated,
        })
        expect(group.meetings.next?.date ?? null).toBe(truth.meetings.ahead ? '2099-09-01' : null)
        expect(Object.values(group.plans).reduce((a, b) => a + b, 0)).toBe(truth.planLevels.length)
      })
    })

    it('means per item per phase over every organisation of every group', () => {
      checklist2019.items.forEach((item, index) => {
        for (const phase of checklistPhases) {
          const scores = organisations().flatMap((sheet) => {
            const score = sheet[phase]?.[index] ?? null
            return score === null ? [] : [score]
          })
          const row = figures.items[index]!
          expect(row.itemId).toBe(item.id)
          expect(row.respondents[phase]).toBe(scores.length)
          if (scores.length === 0) expect(row.means[phase]).toBeNull()
          else
            expect(row.means[phase]).toBeCloseTo(
              scores.reduce((a, b) => a + b, 0) / scores.length,
              10,
            )
        }
      })
      // The seeded round has every phase scored by someone: the figures are not vacuous.
      expect(checklistPhases.every((phase) => figures.items[0]!.respondents[phase] > 0)).toBe(true)
    })

    it('counts the organisations meeting the criterion per phase: no 1, every item scored, six 3s', () => {
      for (const phase of checklistPhases) {
        const sheets = organisations().flatMap((sheet) => (sheet[phase] ? [sheet[phase]] : []))
        const complete = sheets.filter((scores) => scores.every((score) => score !== null))
        const met = complete.filter(
          (scores) => !scores.includes(1) && scores.filter((score) => score === 3).length >= 6,
        )
        expect(figures.criterion[phase]).toEqual({
          met: met.length,
          fullyScored: complete.length,
          scored: sheets.filter((scores) => scores.some((score) => score !== null)).length,
        })
      }
      // Some meet it and some do not, in the last phases.
      expect(figures.criterion.bm3.met).toBeGreaterThan(0)
      expect(figures.criterion.bm3.met).toBeLessThan(figures.criterion.bm3.scored)
    })

    it('counts PDSA plans per results-chain level, and the organisations reaching each', () => {
      const plans = built.groups.flatMap((group) => group.planLevels)
      for (const level of resultsChainLevels)
        expect(figures.plans[level]).toBe(plans.filter((plan) => plan.level === level).length)
      expect(figures.plans.none).toBe(plans.filter((plan) => plan.level === null).length)
      resultsChainLevels.forEach((level, index) => {
        const reaching = new Set(
          plans
            .filter((plan) => plan.level && resultsChainLevels.indexOf(plan.level) >= index)
            .map((plan) => plan.organisationId),
        )
        expect(figures.organisationsReaching[level]).toBe(reaching.size)
      })
    })
  })
})
