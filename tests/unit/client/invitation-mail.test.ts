import { describe, expect, it } from 'vitest'
import type { MeetingSummary } from '../../../shared/api.ts'
import { invitationMail, nextMeetingOf } from '../../../client/src/members/invitation-mail.ts'

const meeting = (id: string, date: string | null, extra: Partial<MeetingSummary> = {}) =>
  ({
    id,
    kind: 'bm2',
    title: null,
    sequence: 1,
    date,
    startTime: null,
    durationMinutes: 360,
    hostOrganisationId: null,
    place: null,
    videoLink: null,
    ...extra,
  }) satisfies MeetingSummary

describe('the invitation e-mail', () => {
  const base = {
    url: 'https://modellrummet.example.se/join#abc',
    expiresAt: '2026-03-20T10:00:00.000Z',
    maxUses: 1,
    role: 'participant' as const,
    group: 'Askersund och Fagersta',
    cohort: 'Modellkommuner 2019–2020',
    organisation: 'Askersunds kommun',
    nextMeeting: meeting('m2', '2026-03-12', { startTime: '09:30', place: 'Stadshuset' }),
    meetingHost: 'Fagersta kommun',
    sender: 'Hedda Mentor',
  }

  it('says what the group is, when it meets next, what to do with the link and how long it holds', () => {
    const { subject, body } = invitationMail(base)
    expect(subject).toBe('Inbjudan till Askersund och Fagersta i Modellrummet')
    expect(body).toContain('benchmarkinggruppen Askersund och Fagersta (Modellkommuner 2019–2020)')
    expect(body).toContain(
      'Nästa träff: BM2 – Följa upp och analysera resultat, torsdag 12 mars 2026 kl. 09:30 (hos Fagersta kommun, Stadshuset).',
    )
    expect(body).toContain('1. Öppna länken: https://modellrummet.example.se/join#abc')
    expect(body).toContain('Du går med som deltagare för Askersunds kommun')
    expect(body).toContain(
      'Länken gäller till och med fredag 20 mars 2026 och kan användas en gång',
    )
    expect(body).toContain('välj din funktion') // the organisation is given
    expect(body.trimEnd().endsWith('Hedda Mentor')).toBe(true)
  })

  it('asks for the organisation when the link is for any, and counts the uses', () => {
    const { body } = invitationMail({
      ...base,
      organisation: null,
      maxUses: 25,
      role: 'viewer',
      nextMeeting: null,
    })
    expect(body).toContain('välj din organisation och funktion')
    expect(body).toContain('Du går med som åhörare: du följer gruppens arbetsyta men ändrar inget.')
    expect(body).toContain('kan användas av 25 personer')
    expect(body).not.toContain('Nästa träff')
  })

  it('takes the earliest meeting from today on as the next one', () => {
    const meetings = [
      meeting('past', '2026-01-01'),
      meeting('later', '2026-06-01'),
      meeting('undated', null),
      meeting('soon', '2026-03-12'),
    ]
    expect(nextMeetingOf(meetings, '2026-03-12')?.id).toBe('soon')
    expect(nextMeetingOf(meetings, '2026-07-01')).toBeNull()
  })

  it('skips an archived or deleted meeting, however soon its date', () => {
    const meetings = [
      meeting('archived', '2026-03-12', { archivedAt: '2026-03-01T09:00:00.000Z' }),
      { ...meeting('deleted', '2026-03-13'), deletedAt: '2026-03-02T09:00:00.000Z' },
      meeting('coming', '2026-04-20', { archivedAt: null }),
    ]
    expect(nextMeetingOf(meetings, '2026-03-10')?.id).toBe('coming')
    expect(nextMeetingOf(meetings.slice(0, 2), '2026-03-10')).toBeNull()
  })
})
