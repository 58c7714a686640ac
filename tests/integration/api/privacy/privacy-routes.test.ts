import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, sessions } from '../../../../db/schema.ts'
import type { MembersResponse } from '../../../../shared/api.ts'
import type {
  AuditResponse,
  EraseResponse,
  GroupPeopleResponse,
  PersonExport,
  PersonResponse,
  RetentionResponse,
} from '../../../../shared/privacy-api.ts'
import { errorCode, join, startApi, type ApiHarness, type Joined } from '../harness.ts'
import { send, signInLead, type SignedInLead } from '../rounds/lead-harness.ts'

const KOMMUNER = 'modellkommuner-2019-2020'
const REGIONER = 'modellregioner-2019-2020'
const ROOM = 'askersund-fagersta'

const errorMessage = async (response: Response) =>
  ((await response.json()) as { error: { message: string } }).error.message

describe('privacy routes under /api/rounds/:cohortId (round lead only)', () => {
  let api: ApiHarness
  let lead: SignedInLead
  let otherRoundLead: SignedInLead
  let facilitator: Joined
  let anders: Joined
  let regionPerson: Joined

  beforeAll(async () => {
    api = await startApi()
    lead = await signInLead(api, KOMMUNER, 'Karin Omgång')
    otherRoundLead = await signInLead(api, REGIONER, 'Rolf Region')
    facilitator = await join(api.app, api.group(ROOM).invites.facilitator, 'Hedda Mentor')
    anders = await join(api.app, api.group(ROOM).invites.participant, 'Anders Askersund', {
      organisationId: 'kommun-askersund',
    })
    regionPerson = await join(
      api.app,
      api.group('gotland-varmland-vasterbotten').invites.participant,
      'Rut Region',
    )
  })
  afterAll(async () => {
    await api.close()
  })

  const groupId = () => api.group(ROOM).id
  const call = (
    who: Record<string, string> | null,
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    body?: unknown,
  ) => api.app.request(`/api/rounds/${KOMMUNER}${path}`, send(method, body ?? {}, who ?? {}))

  it('refuses no session (401), a group facilitator and another round’s lead (403)', async () => {
    const routes: ['GET' | 'POST' | 'PATCH', string, unknown?][] = [
      ['GET', '/audit'],
      ['GET', `/groups/${groupId()}/people`],
      ['GET', `/groups/${groupId()}/export.json`],
      ['GET', `/participants/${anders.participantId}`],
      ['GET', `/participants/${anders.participantId}/export.json`],
      ['POST', `/participants/${anders.participantId}/erase`],
      ['GET', '/retention'],
      ['PATCH', '/retention', { retentionDays: 30 }],
      ['POST', '/close'],
    ]
    for (const [method, path, body] of routes) {
      const none = await call(null, method, path, body)
      expect(none.status, `${method} ${path}`).toBe(401)
      for (const who of [{ cookie: facilitator.cookie }, otherRoundLead.headers]) {
        const refused = await call(who, method, path, body)
        expect(refused.status, `${method} ${path}`).toBe(403)
        expect(await errorCode(refused)).toBe('forbidden')
      }
    }
    // Nothing was erased, exported or closed by the refused calls.
    const kinds = await api.database.db.select({ kind: auditEvents.kind }).from(auditEvents)
    expect(kinds.map((k) => k.kind)).not.toContain('person.erased')
    expect(kinds.map((k) => k.kind)).not.toContain('round.closed')
  })

  it('answers bad input with a 400 naming the field', async () => {
    const cases: [Response, string][] = [
      [await call(lead.headers, 'GET', '/audit?limit=0'), 'limit'],
      [await call(lead.headers, 'GET', '/audit?before=abc'), 'before'],
      [await call(lead.headers, 'GET', '/audit?kind=DROP%20TABLE'), 'kind'],
      [await call(lead.headers, 'GET', '/audit?groupId=../x'), 'groupId'],
      [await call(lead.headers, 'GET', '/participants/bad%20id/export.json'), 'participantId'],
      [await call(lead.headers, 'POST', '/participants/bad%20id/erase'), 'participantId'],
      [await call(lead.headers, 'GET', '/groups/bad%20id/export.json'), 'groupId'],
      [await call(lead.headers, 'PATCH', '/retention', { retentionDays: 0 }), 'retentionDays'],
      [
        await call(lead.headers, 'PATCH', '/retention', { retentionDays: 'ninety' }),
        'retentionDays',
      ],
    ]
    for (const [response, field] of cases) {
      expect(response.status, field).toBe(400)
      expect(await errorMessage(response)).toMatch(new RegExp(`^${field}: `))
    }
  })

  it('a group or person of another round is not found (404)', async () => {
    const paths = [
      `/participants/${regionPerson.participantId}`,
      `/participants/${regionPerson.participantId}/export.json`,
      '/groups/mr2019-gotland-varmland-vasterbotten/export.json',
      '/groups/mr2019-gotland-varmland-vasterbotten/people',
      '/audit?groupId=mr2019-gotland-varmland-vasterbotten',
    ]
    for (const path of paths) {
      const response = await call(lead.headers, 'GET', path)
      expect(response.status, path).toBe(404)
    }
    const erase = await call(
      lead.headers,
      'POST',
      `/participants/${regionPerson.participantId}/erase`,
    )
    expect(erase.status).toBe(404)
    const [row] = await api.database.db
      .select({ revokedAt: sessions.revokedAt })
      .from(sessions)
      .where(eq(sessions.participantId, regionPerson.participantId))
    expect(row!.revokedAt).toBeNull()
  })

  it('exports a person and a group as JSON downloads, audited, with no hash', async () => {
    const person = await call(
      lead.headers,
      'GET',
      `/participants/${anders.participantId}/export.json`,
    )
    expect(person.status).toBe(200)
    expect(person.headers.get('content-disposition')).toMatch(/^attachment; filename="person-/)
    const text = await person.text()
    expect(text).not.toMatch(/hash/i)
    const body = JSON.parse(text) as PersonExport
    expect(body.participant.displayName).toBe('Anders Askersund')

    const group = await call(lead.headers, 'GET', `/groups/${groupId()}/export.json`)
    expect(group.status).toBe(200)
    const groupText = await group.text()
    const hashes = (await api.database.db.select({ h: sessions.tokenHash }).from(sessions)).map(
      (row) => row.h,
    )
    for (const hash of hashes) expect(groupText).not.toContain(hash)
    expect(groupText).not.toMatch(/hash/i)

    const audit = await call(lead.headers, 'GET', '/audit?kind=person')
    const events = ((await audit.json()) as AuditResponse).events
    expect(events[0]).toMatchObject({
      kind: 'person.exported',
      actor: { type: 'lead', displayName: 'Karin Omgång' },
      subject: { id: anders.participantId, displayName: 'Anders Askersund', erased: false },
    })
    const groupAudit = await call(lead.headers, 'GET', `/audit?kind=group.exported`)
    expect(((await groupAudit.json()) as AuditResponse).events).toHaveLength(1)
  })

  it('erases a person: gone from the members list, the person page and the audit log', async () => {
    const response = await call(lead.headers, 'POST', `/participants/${anders.participantId}/erase`)
    expect(response.status).toBe(200)
    expect(((await response.json()) as EraseResponse).sessionsEnded).toBe(1)

    const members = await api.app.request(`/api/rooms/${ROOM}/members`, {
      headers: { cookie: facilitator.cookie },
    })
    const list = ((await members.json()) as MembersResponse).members
    expect(list.map((m) => m.id)).not.toContain(anders.participantId)
    // His own session no longer lets him in.
    const mine = await api.app.request(`/api/rooms/${ROOM}/session`, {
      headers: { cookie: anders.cookie },
    })
    expect(mine.status).toBe(401)

    const page = await call(lead.headers, 'GET', `/participants/${anders.participantId}`)
    expect((await page.json()) as PersonResponse).toMatchObject({
      displayName: '',
      organisationId: null,
      function: null,
    })
    const people = await call(lead.headers, 'GET', `/groups/${groupId()}/people`)
    const peopleText = await people.text()
    expect(peopleText).not.toContain('Anders Askersund')
    const listed = (JSON.parse(peopleText) as GroupPeopleResponse).people
    expect(listed.find((p) => p.id === anders.participantId)?.erasedAt).not.toBeNull()

    const audit = await call(lead.headers, 'GET', '/audit?limit=200')
    const auditText = await audit.text()
    expect(auditText).not.toContain('Anders Askersund')
    const erased = (JSON.parse(auditText) as AuditResponse).events.find(
      (event) => event.kind === 'person.erased',
    )
    expect(erased?.subject).toMatchObject({ id: anders.participantId, erased: true })
  })

  it('sets the retention and closes the round once, audited', async () => {
    const before = await call(lead.headers, 'GET', '/retention')
    expect((await before.json()) as RetentionResponse).toMatchObject({
      retentionDays: 90,
      closedAt: null,
      endsAt: null,
    })
    const set = await call(lead.headers, 'PATCH', '/retention', { retentionDays: 30 })
    expect(set.status).toBe(200)
    const closed = await call(lead.headers, 'POST', '/close')
    expect(closed.status).toBe(200)
    const body = (await closed.json()) as RetentionResponse
    expect(body.retentionDays).toBe(30)
    expect(Date.parse(body.endsAt!) - Date.parse(body.closedAt!)).toBe(30 * 24 * 60 * 60 * 1000)
    const again = await call(lead.headers, 'POST', '/close')
    expect(again.status).toBe(409)
    const audit = await call(lead.headers, 'GET', '/audit?kind=round')
    expect(((await audit.json()) as AuditResponse).events.map((e) => e.kind)).toEqual([
      'round.closed',
      'round.updated',
    ])
    const unknown = await api.app.request('/api/rounds/no-such-round/retention', {
      headers: (await signInLead(api, null)).headers,
    })
    expect(unknown.status).toBe(404)
  })
})
