import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  attendance,
  auditEvents,
  cohorts,
  docUpdates,
  invitations,
  participants,
  sessions,
} from '../../../db/schema.ts'
import { loadDoc } from '../../../server/domain/doc-writer.ts'
import type { InvitationResponse } from '../../../shared/api.ts'
import { readMeetingControl, setLock } from '../../../shared/workspace/control.ts'
import { json, join, startApi, type ApiHarness, type Joined } from '../api/harness.ts'

const KOMMUNER = 'modellkommuner-2019-2020'
const REGIONER = 'modellregioner-2019-2020'
const ROOM = 'askersund-fagersta'
const DAY_MS = 24 * 60 * 60 * 1000

/** Every token hash the database holds: none of them may appear in an export. */
async function allTokenHashes(api: ApiHarness): Promise<string[]> {
  const db = api.database.db
  const hashes = [
    ...(await db.select({ h: sessions.tokenHash }).from(sessions)),
    ...(await db.select({ h: invitations.tokenHash }).from(invitations)),
  ].map((row) => row.h)
  expect(hashes.length).toBeGreaterThan(3)
  return hashes
}

const expectNoHashes = (json: string, hashes: string[]) => {
  for (const hash of hashes) expect(json).not.toContain(hash)
  expect(json).not.toMatch(/hash/i)
}

describe('privacy: a round lead’s exports, erasure and audit read (services on a real database)', () => {
  let api: ApiHarness
  let mentor: Joined
  let anders: Joined
  let regionPerson: Joined
  let invitedByAnders: string

  beforeAll(async () => {
    api = await startApi()
    mentor = await join(api.app, api.group(ROOM).invites.facilitator, 'Hedda Mentor', {
      organisationId: 'kommun-hedemora',
    })
    // Anders is a facilitator too, so he can make an invitation of his own.
    anders = await join(api.app, api.group(ROOM).invites.facilitator, 'Anders Askersund', {
      organisationId: 'kommun-askersund',
      function: 'nyckelperson',
    })
    const made = await api.app.request(
      `/api/rooms/${ROOM}/invitations`,
      json({ role: 'participant', days: 7, maxUses: 3 }, { cookie: anders.cookie }),
    )
    expect(made.status).toBe(201)
    invitedByAnders = ((await made.json()) as InvitationResponse).invite
    regionPerson = await join(
      api.app,
      api.group('gotland-varmland-vasterbotten').invites.participant,
      'Rut Region',
    )
    // Anders had the board open on two meeting days, the mentor on one, Rut (another
    // round) on one: as the relay notes a connection's open and close.
    await api.services.members.seen(anders.participantId, new Date('2019-10-03T09:00:00+02:00'))
    await api.services.members.seen(anders.participantId, new Date('2019-10-03T15:30:00+02:00'))
    await api.services.members.seen(anders.participantId, new Date('2019-12-05T10:00:00+01:00'))
    await api.services.members.seen(mentor.participantId, new Date('2019-10-03T09:05:00+02:00'))
    await api.services.members.seen(
      regionPerson.participantId,
      new Date('2019-10-03T09:05:00+02:00'),
    )
    // Two of Anders's workspace changes today, one yesterday (as the relay stores them).
    const now = Date.now()
    await api.database.db.insert(docUpdates).values([
      { room: ROOM, data: Buffer.from([0, 0]), participantId: anders.participantId },
      { room: ROOM, data: Buffer.from([0, 0]), participantId: anders.participantId },
      {
        room: ROOM,
        data: Buffer.from([0, 0]),
        participantId: anders.participantId,
        createdAt: new Date(now - DAY_MS),
      },
    ])
  })
  afterAll(async () => {
    await api.close()
  })

  it('exports one person: who, sessions by time, invitations made, audit, changes per day; no hash', async () => {
    const exported = await api.services.privacy.exportPerson(KOMMUNER, anders.participantId)
    expect(exported).not.toBeNull()
    const body = exported!
    expect(body.participant).toMatchObject({
      id: anders.participantId,
      displayName: 'Anders Askersund',
      organisation: { id: 'kommun-askersund', name: 'Askersunds kommun' },
      function: 'nyckelperson',
      role: 'facilitator',
      group: { cohortId: KOMMUNER },
      erasedAt: null,
    })
    expect(body.sessions).toHaveLength(1)
    expect(Object.keys(body.sessions[0]!).sort()).toEqual([
      'createdAt',
      'expiresAt',
      'revokedAt',
      'role',
    ])
    expect(body.invitationsCreated).toHaveLength(1)
    expect(body.invitationsCreated[0]).toMatchObject({ role: 'participant', maxUses: 3 })
    expect(body.audit.map((event) => event.kind).sort()).toEqual([
      'invitation.created',
      'invitation.used',
    ])
    const today = new Date().toISOString().slice(0, 10)
    const yesterday = new Date(Date.now() - DAY_MS).toISOString().slice(0, 10)
    expect(body.updatesAuthored).toEqual([
      { room: ROOM, date: yesterday, count: 1 },
      { room: ROOM, date: today, count: 2 },
    ])
    expect(body.attendance).toEqual([
      {
        day: '2019-10-03',
        firstSeenAt: '2019-10-03T07:00:00.000Z',
        lastSeenAt: '2019-10-03T13:30:00.000Z',
      },
      {
        day: '2019-12-05',
        firstSeenAt: '2019-12-05T09:00:00.000Z',
        lastSeenAt: '2019-12-05T09:00:00.000Z',
      },
    ])
    expectNoHashes(JSON.stringify(body), await allTokenHashes(api))
  })

  it('exports one group: organisations, meetings, people, invitations; no hash', async () => {
    const group = api.group(ROOM)
    const body = await api.services.privacy.exportGroup(KOMMUNER, group.id)
    expect(body).not.toBeNull()
    expect(body!.group).toMatchObject({ id: group.id, room: ROOM, cohortId: KOMMUNER })
    expect(body!.organisations.map((o) => o.id)).toContain('kommun-askersund')
    expect(body!.meetings.length).toBeGreaterThan(0)
    expect(body!.participants.map((p) => p.displayName)).toEqual(
      expect.arrayContaining(['Hedda Mentor', 'Anders Askersund']),
    )
    expect(body!.participants.map((p) => p.displayName)).not.toContain('Rut Region')
    expect(body!.invitations.length).toBeGreaterThanOrEqual(4)
    expect(body!.audit.map((event) => event.kind)).toContain('invitation.created')
    expectNoHashes(JSON.stringify(body), await allTokenHashes(api))
  })

  it('finds nothing of another round: its group and its people are not found', async () => {
    const { privacy } = api.services
    expect(await privacy.exportPerson(KOMMUNER, regionPerson.participantId)).toBeNull()
    expect(await privacy.exportGroup(KOMMUNER, 'mr2019-gotland-varmland-vasterbotten')).toBeNull()
    expect(await privacy.erase(KOMMUNER, regionPerson.participantId)).toBeNull()
    expect(await privacy.exportPerson(REGIONER, regionPerson.participantId)).not.toBeNull()
  })

  it('erases a person: name, organisation, function and sessions gone; locks anonymous; rows kept', async () => {
    const { privacy, sessions: sessionService, members, rooms } = api.services
    const meetingId = 'meeting-locked-by-anders'
    await rooms.change(ROOM, (doc) =>
      setLock(doc, meetingId, 'agenda', {
        byParticipantId: anders.participantId,
        byName: 'Anders Askersund',
        at: Date.now(),
      }),
    )
    const erased = await privacy.erase(KOMMUNER, anders.participantId)
    expect(erased).toMatchObject({ changed: true, sessionsEnded: 1 })

    const [row] = await api.database.db
      .select()
      .from(participants)
      .where(eq(participants.id, anders.participantId))
    expect(row).toMatchObject({ displayName: '', organisationId: null, function: null })
    expect(row!.erasedAt).not.toBeNull()
    expect(await sessionService.find(anders.session)).toBeNull()

    const groupId = api.group(ROOM).id
    const list = await members.list(groupId, new Set())
    expect(list.map((m) => m.id)).not.toContain(anders.participantId)
    const made = (await members.invitationsOf(groupId)).find(
      (i) => i.createdBy?.id === anders.participantId,
    )
    expect(made?.createdBy?.displayName).toBe('')
    // The invitation he made still works: it is the group's, not his.
    expect((await join(api.app, invitedByAnders, 'Efter Radering')).status).toBe(200)

    // The update log (before the room's compaction folds it) keeps pointing at the (now anonymous) row.
    const authored = await api.database.db
      .select({ id: docUpdates.id })
      .from(docUpdates)
      .where(eq(docUpdates.participantId, anders.participantId))
    expect(authored).toHaveLength(3)

    await rooms.shutdown()
    const doc = await loadDoc(api.services.store, ROOM)
    expect(readMeetingControl(doc, meetingId).locks.agenda).toMatchObject({
      byParticipantId: anders.participantId,
      byName: '',
    })

    const audit = await privacy.readAudit(KOMMUNER, { limit: 200 })
    const json = JSON.stringify(audit)
    expect(json).not.toContain('Anders Askersund')
    const used = audit!.events.find(
      (event) => event.kind === 'invitation.used' && event.actor?.id === anders.participantId,
    )
    expect(used?.actor).toMatchObject({ type: 'member', displayName: '', erased: true })

    // The days he was connected go with his name: no minutes can list him as present.
    const attended = await api.database.db
      .select()
      .from(attendance)
      .where(eq(attendance.participantId, anders.participantId))
    expect(attended).toEqual([])
    const mentorDays = await api.database.db
      .select()
      .from(attendance)
      .where(eq(attendance.participantId, mentor.participantId))
    expect(mentorDays).toHaveLength(1)

    const again = await privacy.erase(KOMMUNER, anders.participantId)
    expect(again).toMatchObject({ changed: false, sessionsEnded: 0 })
  })

  it('reads the round’s audit newest first, paged, filtered by group and kind', async () => {
    const { privacy } = api.services
    const first = await privacy.readAudit(KOMMUNER, { limit: 2 })
    expect(first!.events).toHaveLength(2)
    expect(first!.events[0]!.id).toBeGreaterThan(first!.events[1]!.id)
    expect(first!.nextBefore).toBe(first!.events[1]!.id)
    const next = await privacy.readAudit(KOMMUNER, { limit: 2, before: first!.nextBefore! })
    expect(next!.events[0]!.id).toBeLessThan(first!.events[1]!.id)

    const all = await privacy.readAudit(KOMMUNER, { limit: 200 })
    expect(all!.nextBefore).toBeNull()
    // Another round's events are not in this round's log.
    expect(all!.events.some((event) => event.actor?.id === regionPerson.participantId)).toBe(false)
    const regioner = await privacy.readAudit(REGIONER, { limit: 200 })
    expect(regioner!.events.some((event) => event.actor?.id === regionPerson.participantId)).toBe(
      true,
    )

    const invitationsOnly = await privacy.readAudit(KOMMUNER, { limit: 200, kind: 'invitation' })
    expect(new Set(invitationsOnly!.events.map((e) => e.kind))).toEqual(
      new Set(['invitation.created', 'invitation.used']),
    )
    const group = await privacy.readAudit(KOMMUNER, {
      limit: 200,
      groupId: 'mk2019-botkyrka-vasteras',
    })
    expect(group!.events).toEqual([])
    expect(
      await privacy.readAudit(KOMMUNER, {
        limit: 10,
        groupId: 'mr2019-gotland-varmland-vasterbotten',
      }),
    ).toBeNull()
  })

  it('the retention sweep ends an old closed round’s sessions and invitations, not an open one’s', async () => {
    const { privacy } = api.services
    const db = api.database.db
    const now = new Date()
    // Kommuner closed 10 days ago with 7 days' retention; regioner stays open.
    await privacy.retention.setDays(KOMMUNER, 7)
    await privacy.retention.close(KOMMUNER, new Date(now.getTime() - 10 * DAY_MS))
    const mentorSession = await api.services.sessions.find(mentor.session)
    expect(mentorSession).not.toBeNull()

    // Not yet due: the round closed 10 days ago but keeps 30.
    await privacy.retention.setDays(KOMMUNER, 30)
    expect(await privacy.sweepRetention(now)).toEqual([])
    expect(await api.services.sessions.find(mentor.session)).not.toBeNull()

    await privacy.retention.setDays(KOMMUNER, 7)
    const ended = await privacy.sweepRetention(now)
    expect(ended.map((round) => round.cohortId)).toEqual([KOMMUNER])
    expect(ended[0]!.sessions.length).toBeGreaterThanOrEqual(2)
    expect(ended[0]!.invitations).toBeGreaterThan(0)
    expect(await api.services.sessions.find(mentor.session)).toBeNull()
    expect(await api.services.sessions.find(regionPerson.session)).not.toBeNull()
    // The closed round's attendance is deleted; the open round's stays.
    expect(ended[0]!.attendance).toBeGreaterThanOrEqual(1)
    const attendedOf = (participantId: string) =>
      db.select().from(attendance).where(eq(attendance.participantId, participantId))
    expect(await attendedOf(mentor.participantId)).toEqual([])
    expect(await attendedOf(regionPerson.participantId)).toHaveLength(1)

    const kommunerGroups = api.round.groups.filter((g) => g.id.startsWith('mk2019'))
    for (const group of kommunerGroups) {
      const open = (await api.services.members.invitationsOf(group.id, now)).filter(
        (i) => i.status === 'active',
      )
      expect(open, group.room).toEqual([])
    }
    const regionGroup = api.group('gotland-varmland-vasterbotten')
    const regionOpen = (await api.services.members.invitationsOf(regionGroup.id, now)).filter(
      (i) => i.status === 'active',
    )
    expect(regionOpen.length).toBeGreaterThan(0)

    const audited = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.kind, 'round.retention_ended'))
    expect(audited).toHaveLength(1)
    expect(audited[0]).toMatchObject({ cohortId: KOMMUNER })
    expect(audited[0]!.detail).toMatchObject({ attendance: ended[0]!.attendance })
    // A second pass has nothing left to end and records nothing.
    expect(await privacy.sweepRetention(now)).toEqual([])
    const [kommuner] = await db.select().from(cohorts).where(eq(cohorts.id, KOMMUNER))
    expect(kommuner!.retentionDays).toBe(7)
  })
})
