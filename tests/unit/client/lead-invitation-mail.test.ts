import { describe, expect, it } from 'vitest'
import { leadInvitationMail } from '../../../client/src/rounds/lead-invitation-mail.ts'

describe('the round lead invitation e-mail', () => {
  const base = {
    url: 'https://modellrummet.example/leda#abc',
    expiresAt: '2026-03-19T10:00:00.000Z',
    sender: 'Sara Samordnare',
  }

  it('names the one round, the link, its last day and its single use, in Swedish', () => {
    const { subject, body } = leadInvitationMail({ ...base, round: 'Modellkommuner 2026–2027' })
    expect(subject).toBe('Inbjudan att bli omgångsledare i Modellrummet')
    expect(body).toContain('Du blir omgångsledare för Modellkommuner 2026–2027')
    expect(body).toContain('1. Öppna länken: https://modellrummet.example/leda#abc')
    expect(body).toContain('till och med torsdag 19 mars 2026 och kan användas en gång')
    expect(body.endsWith('Hälsningar\nSara Samordnare')).toBe(true)
  })

  it('says every round, and that such a lead may invite more', () => {
    const { body } = leadInvitationMail({ ...base, round: null })
    expect(body).toContain('för alla omgångar')
    expect(body).toContain('kan bjuda in fler omgångsledare')
  })
})
