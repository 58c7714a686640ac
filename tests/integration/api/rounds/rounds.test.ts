import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents } from '../../../../db/schema.ts'
import { loadDoc } from '../../../../server/domain/doc-writer.ts'
import type { InvitationResponse, JoinResponse, SessionResponse } from '../../../../shared/api.ts'
import type { RoundDetail, RoundGroup, RoundInput } from '../../../../shared/rounds-api.ts'
import { meetingOrganisationIds, meetingsOf } from '../../../../shared/workspace/index.ts'
import { join, startApi, type ApiHarness } from '../harness.ts'
import { send, signInLead, type SignedInLead } from './lead-harness.ts'

const message = async (response: Response) =>
  ((await response.json()) as { error: { message: string } }).error.message

const newRound: RoundInput = {
  name: 'Modellkommuner 2025–2026',
  track: 'kommuner',
  startYear: 2025,
  endYear: 2026,
  checklistVersion: 'skr-2019',
  meetingPlan: [
    { kind: 'uppstart', date: '2025-02-06' },
    { kind: 'bm1', date: null },
    { kind: 'resultatkonferens', date: '2026-10-15' },
  ],
}

/**
 * A round lead over every round sets up a round: the round, a group from the official
 * list and by hand, its meetings, the first facilitator's link, entering the group, and
 * the next round copied from it. Bad input is a 400 naming the field.
 */
describe('a round lead sets up a round', () => {
  let api: ApiHarness
  let lead: SignedInLead
  let round: RoundDetail
  let group: RoundGroup
  let mentorCookie = ''

  const request = (method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) =>
    api.app.request(path, send(method, body ?? {}, lead.headers))

  beforeAll(async () => {
    api = await startApi()
    lead = await signInLead(api, null, 'Karin Omgång')
  })
  afterAll(() => api.close())

  it('creates a round with its meeting plan, once per name', async () => {
    const created = await request('POST', '/api/rounds', newRound)
    expect(created.status).toBe(201)
    round = (await created.json()) as RoundDetail
    expect(round).toMatchObject({ name: newRound.name, meetingPlan: newRound.meetingPlan })
    expect(round.groups).toEqual([])
    const list = (await (await request('GET', '/api/rounds')).json()) as {
      rounds: { id: string }[]
    }
    expect(list.rounds.map((r) => r.id)).toContain(round.id)
    expect((await request('POST', '/api/rounds', newRound)).status).toBe(409)
  })

  it.each([
    [{ ...newRound, name: 'Ny', endYear: 2024 }, /^endYear: /],
    [{ ...newRound, name: 'Ny', checklistVersion: 'x' }, /^checklistVersion: /],
    [{ ...newRound, name: 'Ny', track: 'landsting' }, /^track: /],
    [
      { ...newRound, name: 'Ny', meetingPlan: [{ kind: 'bm1', date: '2025-02-30' }] },
      /^meetingPlan\.0\.date: /,
    ],
    [{ ...newRound, name: '  ' }, /^name: /],
  ])('POST /api/rounds with bad input: 400 naming the field (%#)', async (body, field) => {
    const response = await request('POST', '/api/rounds', body)
    expect(response.status).toBe(400)
    expect(await message(response)).toMatch(field)
  })

  it('edits the round; the years are checked against the stored ones', async () => {
    const edited = await request('PATCH', `/api/rounds/${round.id}`, { endYear: 2027 })
    expect(edited.status).toBe(200)
    expect(((await edited.json()) as RoundDetail).endYear).toBe(2027)
    const before = await request('PATCH', `/api/rounds/${round.id}`, { endYear: 2024 })
    expect(before.status).toBe(400)
    expect(await message(before)).toMatch(/^endYear: /)
    const unknown = await request('PATCH', '/api/rounds/no-such-round', { endYear: 2027 })
    expect(unknown.status).toBe(404)
  })

  it('creates a group from the official list and by hand, with the plan’s meetings', async () => {
    const created = await request('POST', `/api/rounds/${round.id}/groups`, {
      name: 'Askersund, Stockholm och Kungsholmen',
      organisations: [
        { municipalityCode: '1882', memberRole: 'benchmarking' },
        { municipalityCode: '0180', name: 'ignored', memberRole: 'benchmarking' },
        { name: 'Kungsholmens stadsdelsförvaltning', kind: 'stadsdel', memberRole: 'mentor' },
      ],
    })
    expect(created.status).toBe(201)
    group = (await created.json()) as RoundGroup
    // Askersund is the demo's organisation, found by its code; Stockholm is made.
    expect(
      group.organisations.map((o) => [o.id === 'kommun-askersund', o.name, o.memberRole]),
    ).toEqual([
      [true, 'Askersunds kommun', 'benchmarking'],
      [false, 'Stockholms stad', 'benchmarking'],
      [false, 'Kungsholmens stadsdelsförvaltning', 'mentor'],
    ])
    expect(group.meetings.map((m) => [m.kind, m.date, m.hostOrganisationId])).toEqual([
      ['uppstart', '2025-02-06', null],
      ['bm1', null, null],
      ['resultatkonferens', '2026-10-15', null],
    ])
    expect(group.memberCounts).toEqual({ facilitator: 0, participant: 0, viewer: 0 })

    // The workspace has every meeting's structure, a column per member organisation.
    const doc = await loadDoc(api.services.store, group.room)
    for (const meeting of group.meetings) {
      const stored = meetingsOf(doc).get(meeting.id)
      expect(stored, meeting.kind).toBeDefined()
      expect(meetingOrganisationIds(stored!)).toEqual(group.organisations.map((o) => o.id))
    }
  })

  it.each([
    [
      { organisations: [{ municipalityCode: '9999', memberRole: 'mentor' }] },
      /^organisations\.0\.municipalityCode: /,
    ],
    [
      { organisations: [{ municipalityCode: '12345', memberRole: 'mentor' }] },
      /^organisations\.0\.municipalityCode: /,
    ],
    [{ organisations: [{ name: 'Förbundet', memberRole: 'mentor' }] }, /^organisations\.0\.kind: /],
    [
      {
        organisations: [
          { municipalityCode: '1882', memberRole: 'benchmarking' },
          { municipalityCode: '1882', memberRole: 'mentor' },
        ],
      },
      /^organisations\.1: listed twice/,
    ],
    [
      {
        organisations: [
          { municipalityCode: '1882', memberRole: 'benchmarking' },
          { municipalityCode: '1883', memberRole: 'benchmarking' },
        ],
      },
      /^organisations: no mentor/,
    ],
    [
      {
        organisations: [
          { municipalityCode: '1882', memberRole: 'benchmarking' },
          { municipalityCode: '0180', memberRole: 'mentor' },
        ],
        meetings: [{ kind: 'bm1', date: '2025-05-05', hostIndex: 2 }],
      },
      /^meetings\.0\.hostIndex: /,
    ],
  ])('POST …/groups with bad input: 400 naming the field (%#)', async (body, field) => {
    const response = await request('POST', `/api/rounds/${round.id}/groups`, { name: 'G', ...body })
    expect(response.status).toBe(400)
    expect(await message(response)).toMatch(field)
  })

  it('gives the first facilitator a link that joins the group as processledare', async () => {
    const path = `/api/rounds/${round.id}/groups/${group.id}/invitations`
    const bad = await request('POST', path, { maxUses: 0 })
    expect(bad.status).toBe(400)
    expect(await message(bad)).toMatch(/^maxUses: /)
    const notMember = await request('POST', path, { organisationId: 'kommun-fagersta' })
    expect(notMember.status).toBe(400)
    expect(await message(notMember)).toMatch(/^organisationId: /)

    const mentor = group.organisations.find((o) => o.memberRole === 'mentor')!
    const created = await request('POST', path, { organisationId: mentor.id })
    expect(created.status).toBe(201)
    const invitation = (await created.json()) as InvitationResponse
    expect(invitation.url).toBe(`http://localhost:3000/join#${invitation.invite}`)
    const joined = await join(api.app, invitation.invite, 'Maja Mentor')
    expect(joined.role).toBe('facilitator')
    mentorCookie = joined.cookie
    // One use by default: the link is for one person.
    expect((await join(api.app, invitation.invite, 'Eve')).status).toBe(410)
  })

  it('enters the group as its processledare, the same member every time', async () => {
    const path = `/api/rounds/${round.id}/groups/${group.id}/enter`
    const first = await request('POST', path)
    expect(first.status).toBe(200)
    const entered = (await first.json()) as JoinResponse
    expect(entered).toMatchObject({ room: group.room, role: 'facilitator' })
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]!
    expect(cookie.startsWith(`mr_session_${group.room}=`)).toBe(true)

    const session = await api.app.request(`/api/rooms/${group.room}/session`, {
      headers: { cookie },
    })
    const who = (await session.json()) as SessionResponse
    expect(who).toMatchObject({ role: 'facilitator', groupId: group.id, isRoundLead: true })
    // The group's own facilitator is not told of the field at all.
    const mentorSession = await api.app.request(`/api/rooms/${group.room}/session`, {
      headers: { cookie: mentorCookie },
    })
    expect(await mentorSession.json()).not.toHaveProperty('isRoundLead')
    expect(who.participant.displayName).toBe('Karin Omgång')
    // The facilitators' own routes are open to the lead's session.
    const members = await api.app.request(`/api/rooms/${group.room}/members`, {
      headers: { cookie },
    })
    expect(members.status).toBe(200)

    const again = (await (await request('POST', path)).json()) as JoinResponse
    expect(again.participantId).toBe(entered.participantId)
    expect(again.session).not.toBe(entered.session)

    const audited = await api.database.db
      .select({ kind: auditEvents.kind })
      .from(auditEvents)
      .where(eq(auditEvents.groupId, group.id))
    expect(audited.map((a) => a.kind)).toEqual(
      expect.arrayContaining([
        'group.created',
        'invitation.created',
        'invitation.used',
        'lead.entered_group',
      ]),
    )
    // The lead is not counted among the group's members; the mentor who joined is.
    const detail = (await (await request('GET', `/api/rounds/${round.id}`)).json()) as RoundDetail
    expect(detail.groups[0]!.memberCounts).toEqual({ facilitator: 1, participant: 0, viewer: 0 })
    expect(detail.groups[0]!.lastActivityAt).not.toBeNull()
    const list = (await (await request('GET', '/api/rounds')).json()) as {
      rounds: { id: string; lastActivityAt: string | null }[]
    }
    const listed = list.rounds.find((r) => r.id === round.id)!
    expect(listed.lastActivityAt).toBe(detail.groups[0]!.lastActivityAt)
  })

  it('edits the group: dates and hosts, a new organisation gets its columns', async () => {
    const path = `/api/rounds/${round.id}/groups/${group.id}`
    const organisations = [
      ...group.organisations.map((o) =>
        o.municipalityCode
          ? { municipalityCode: o.municipalityCode, memberRole: o.memberRole }
          : { name: o.name, kind: o.kind, memberRole: o.memberRole },
      ),
      { municipalityCode: '01', memberRole: 'benchmarking' },
    ]
    const bm1 = group.meetings[1]!
    const edited = await request('PATCH', path, {
      organisations,
      meetings: [
        { id: bm1.id, kind: 'bm1', date: '2025-05-05', hostIndex: 0 },
        { kind: 'extra', date: '2025-09-01', hostIndex: 3 },
      ],
    })
    expect(edited.status).toBe(200)
    const after = (await edited.json()) as RoundGroup
    const region = after.organisations[3]!
    expect(region).toMatchObject({
      name: 'Region Stockholm',
      kind: 'region',
      municipalityCode: '01',
    })
    expect(after.meetings.map((m) => [m.kind, m.date, m.hostOrganisationId])).toEqual([
      ['uppstart', '2025-02-06', null],
      ['bm1', '2025-05-05', 'kommun-askersund'],
      ['resultatkonferens', '2026-10-15', null],
      ['extra', '2025-09-01', region.id],
    ])
    const doc = await loadDoc(api.services.store, group.room)
    for (const meeting of after.meetings)
      expect(meetingOrganisationIds(meetingsOf(doc).get(meeting.id)!)).toContain(region.id)

    const wrongKind = await request('PATCH', path, { meetings: [{ id: bm1.id, kind: 'bm2' }] })
    expect(wrongKind.status).toBe(400)
    expect(await message(wrongKind)).toMatch(/^meetings\.0\.kind: /)
    const unknown = await request('PATCH', path, { meetings: [{ id: 'nope', kind: 'bm1' }] })
    expect(unknown.status).toBe(400)
    expect(await message(unknown)).toMatch(/^meetings\.0\.id: /)
    const noOrganisations = await request('PATCH', path, {
      meetings: [{ id: bm1.id, kind: 'bm1', hostIndex: 0 }],
    })
    expect(noOrganisations.status).toBe(400)
    expect(await message(noOrganisations)).toMatch(/^meetings\.0\.hostIndex: /)
    // The mentor's organisation has a member (Maja): it cannot leave the group.
    const leaving = await request('PATCH', path, {
      organisations: [
        ...organisations.slice(0, 2),
        { municipalityCode: '01', memberRole: 'mentor' },
      ],
    })
    expect(await message(leaving)).toMatch(
      /^organisations: Kungsholmens stadsdelsförvaltning still has members/,
    )
    expect(leaving.status).toBe(409)
    group = after
  })

  it('copies the round: groups without content, a benchmarking organisation as mentor', async () => {
    const path = `/api/rounds/${round.id}/copy`
    const bad = await request('POST', path, {
      name: 'Modellkommuner 2027–2028',
      startYear: 2027,
      endYear: 2028,
      mentorOrganisationIds: ['kommun-fagersta'],
    })
    expect(bad.status).toBe(400)
    expect(await message(bad)).toMatch(/^mentorOrganisationIds\.0: /)

    const copied = await request('POST', path, {
      name: 'Modellkommuner 2027–2028',
      startYear: 2027,
      endYear: 2028,
      mentorOrganisationIds: ['kommun-askersund'],
    })
    expect(copied.status).toBe(201)
    const next = (await copied.json()) as RoundDetail
    expect(next.meetingPlan).toEqual([
      { kind: 'uppstart', date: '2027-02-06' },
      { kind: 'bm1', date: null },
      { kind: 'resultatkonferens', date: '2028-10-15' },
    ])
    const [copy] = next.groups
    expect(copy!.name).toBe(group.name)
    expect(copy!.room).not.toBe(group.room)
    expect(copy!.organisations.map((o) => [o.name, o.memberRole])).toEqual([
      ['Askersunds kommun', 'mentor'],
      ['Stockholms stad', 'benchmarking'],
      ['Kungsholmens stadsdelsförvaltning', 'mentor'],
      ['Region Stockholm', 'benchmarking'],
    ])
    expect(copy!.meetings.map((m) => [m.kind, m.date, m.hostOrganisationId])).toEqual([
      ['uppstart', '2027-02-06', null],
      ['bm1', '2027-05-05', null],
      ['resultatkonferens', '2028-10-15', null],
      ['extra', '2027-09-01', null],
    ])
    expect(copy!.memberCounts).toEqual({ facilitator: 0, participant: 0, viewer: 0 })
    const doc = await loadDoc(api.services.store, copy!.room)
    expect([...meetingsOf(doc).keys()].sort()).toEqual(copy!.meetings.map((m) => m.id).sort())

    const kinds = await api.database.db
      .select({ kind: auditEvents.kind })
      .from(auditEvents)
      .where(eq(auditEvents.leadId, lead.lead.id))
    expect(kinds.map((k) => k.kind)).toEqual(
      expect.arrayContaining(['round.created', 'round.updated', 'group.updated', 'round.copied']),
    )
  })

  it('tells archived meetings apart and leaves deleted ones out (the e-mail’s next meeting)', async () => {
    const entered = await request('POST', `/api/rounds/${round.id}/groups/${group.id}/enter`)
    const cookie = (entered.headers.get('set-cookie') ?? '').split(';')[0]!
    const [, bm1, closing] = group.meetings
    const meetingPath = (id: string, action = '') =>
      `/api/rooms/${group.room}/meetings/${id}${action}`
    const archived = await api.app.request(meetingPath(bm1!.id, '/archive'), {
      method: 'POST',
      headers: { cookie },
    })
    expect(archived.status).toBe(200)
    const deleted = await api.app.request(meetingPath(closing!.id), {
      method: 'DELETE',
      headers: { cookie },
    })
    expect(deleted.status).toBe(200)

    const detail = (await (await request('GET', `/api/rounds/${round.id}`)).json()) as RoundDetail
    const meetings = detail.groups.find((g) => g.id === group.id)!.meetings
    expect(meetings.map((m) => [m.kind, typeof m.archivedAt])).toEqual([
      ['uppstart', 'object'],
      ['bm1', 'string'],
      ['extra', 'object'],
    ])
    expect(meetings.filter((m) => m.archivedAt !== null).map((m) => m.id)).toEqual([bm1!.id])
  })
})
