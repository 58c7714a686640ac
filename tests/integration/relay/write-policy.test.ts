import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'
import {
  controlOf,
  getAgendaItemTitle,
  initialiseMeeting,
  lockKey,
  readAgenda,
  readMeetingControl,
  setLock,
  setMeetingControl,
} from '../../../shared/workspace/index.ts'
import { waitFor, type TestClient } from '../../helpers/clients.ts'
import { useRelayServer } from '../../helpers/relay-server.ts'

const MEETINGS = ['bm1', 'bm2'] as const

/** Closes seen on a client's connection. */
const closesOf = (client: TestClient): number[] => {
  const codes: number[] = []
  client.provider.on('connection-close', (event) => event && codes.push(event.code))
  return codes
}

const firstTitle = (doc: Y.Doc, meetingId: string) =>
  getAgendaItemTitle(doc, meetingId, readAgenda(doc, meetingId)[0]!.id)!

describe('relay: the write policy, from a participant’s and a facilitator’s seat', () => {
  const relay = useRelayServer('styrning')

  /** The group's two meetings, set up by the server as when they are created. */
  const withMeetings = async () => {
    for (const meetingId of MEETINGS) {
      await relay.server.services.rooms.change(relay.group.room, (doc) =>
        initialiseMeeting(doc, {
          meetingId,
          kind: meetingId,
          organisationIds: ['askersund', 'fagersta'],
          checklistVersionId: 'skr-2019',
        }),
      )
    }
    const mentor = await relay.connect('facilitator', 'Mentor')
    const bo = await relay.connect('participant', 'Bo')
    const stored = async () =>
      (await relay.server.services.store.load(relay.group.room)).updates.length
    return { mentor, bo, stored }
  }

  it('refuses a participant’s write to the control state (4423): nothing stored or relayed', async () => {
    const { mentor, bo, stored } = await withMeetings()
    const closes = closesOf(bo)
    const before = await stored()
    setMeetingControl(bo.doc, 'bm1', { part: 'matrix', led: true })
    await waitFor(() => closes.includes(CloseCode.WriteRefused), 5000, 'the refusal')
    // The mentor's own edit goes through and arrives after anything Bo's could have.
    firstTitle(mentor.doc, 'bm1').insert(0, 'M ')
    const late = await relay.connect('viewer', 'Sen')
    await waitFor(() => firstTitle(late.doc, 'bm1').toString().startsWith('M '), 5000, 'edit')
    expect(readMeetingControl(late.doc, 'bm1').led).toBe(false)
    expect(readMeetingControl(mentor.doc, 'bm1').part).toBeNull()
    expect((await stored()) - before).toBe(1)
  })

  it('refuses a participant’s lock of another meeting, and lets the facilitator lock and unlock', async () => {
    const { mentor, bo } = await withMeetings()
    const closes = closesOf(bo)
    setLock(bo.doc, 'bm2', 'agenda', { byParticipantId: 'x', byName: 'Bo', at: 1 })
    await waitFor(() => closes.includes(CloseCode.WriteRefused), 5000, 'the refusal')
    expect(controlOf(mentor.doc).has(lockKey('bm2', 'agenda'))).toBe(false)

    const carl = await relay.connect('participant', 'Carl')
    const carlCloses = closesOf(carl)
    setLock(mentor.doc, 'bm1', 'agenda', { byParticipantId: 'm', byName: 'Mentor', at: 2 })
    await waitFor(() => controlOf(carl.doc).has(lockKey('bm1', 'agenda')), 5000, 'the lock')

    // The locked agenda refuses Carl; another meeting's agenda is still his to write.
    firstTitle(carl.doc, 'bm2').insert(0, 'fri ')
    await waitFor(
      () => firstTitle(mentor.doc, 'bm2').toString().startsWith('fri '),
      5000,
      'the unlocked write',
    )
    firstTitle(carl.doc, 'bm1').insert(0, 'LÅST ')
    await waitFor(() => carlCloses.includes(CloseCode.WriteRefused), 5000, 'the locked write')
    expect(firstTitle(mentor.doc, 'bm1').toString()).not.toContain('LÅST')

    // Unlocked, a participant writes the agenda again.
    setLock(mentor.doc, 'bm1', 'agenda', null)
    const dana = await relay.connect('participant', 'Dana')
    await waitFor(() => !controlOf(dana.doc).has(lockKey('bm1', 'agenda')), 5000, 'unlock')
    firstTitle(dana.doc, 'bm1').insert(0, 'upplåst ')
    await waitFor(
      () => firstTitle(mentor.doc, 'bm1').toString().startsWith('upplåst '),
      5000,
      'the write after unlocking',
    )
  })
})
