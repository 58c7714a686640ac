import { describe, expect, it } from 'vitest'
import type { OrganisationSummary, ParticipantSummary } from '../../../shared/api.ts'
import { isControlEntry, controlKey } from '../../../shared/workspace/control.ts'
import type { Presence } from '../../../shared/workspace/presence.ts'
import { handsByName, peopleByOrganisation } from '../../../client/src/projector/room-people.ts'
import { shortLink } from '../../../client/src/projector/join-qr.ts'
import type { Peer } from '../../../client/src/sync/presence.ts'

const org = (id: string, name: string, position: number): OrganisationSummary => ({
  id,
  name,
  kind: 'kommun',
  municipalityCode: null,
  memberRole: 'benchmarking',
  position,
})
const organisations = [
  org('kommun-askersund', 'Askersunds kommun', 1),
  org('kommun-fagersta', 'Fagersta kommun', 2),
  org('kommun-hedemora', 'Hedemora kommun', 3),
]
let clientId = 0
const peer = (
  participantId: string,
  name: string,
  organisationId: string | null,
  self = false,
  meetingId: string | null = 'bm1',
): Peer => {
  const presence: Presence = {
    user: {
      participantId,
      name,
      organisationId,
      function: null,
      role: 'participant',
      colour: '#1f5fa8',
    },
    focus: null,
    view: meetingId ? { meetingId, part: 'agenda', following: true } : null,
  }
  return { clientId: ++clientId, self, presence }
}

describe('who is here, on the projector', () => {
  it('groups the meeting’s people by organisation in the group’s order, those without one last, not the projector', () => {
    const people = peopleByOrganisation(
      [
        peer('p0', 'Projektorn', null, true),
        peer('p1', 'Örjan', 'kommun-hedemora'),
        peer('p2', 'Bo', 'kommun-askersund'),
        peer('p3', 'Gäst', null),
        peer('p4', 'Anna', 'kommun-hedemora'),
        peer('p5', 'Åsa', 'kommun-askersund'),
        peer('p5', 'Åsa', 'kommun-askersund'), // a second tab
        peer('p6', 'På gruppsidan', 'kommun-fagersta', false, null),
        peer('p7', 'I en annan träff', 'kommun-fagersta', false, 'bm2'),
      ],
      organisations,
      'bm1',
    )
    expect(people).toEqual([
      { organisationId: 'kommun-askersund', names: ['Bo', 'Åsa'] },
      { organisationId: 'kommun-hedemora', names: ['Anna', 'Örjan'] },
      { organisationId: null, names: ['Gäst'] },
    ])
  })

  it('lists raised hands first raised first, and who is ready, by name', () => {
    const participants: ParticipantSummary[] = [
      {
        id: 'p9',
        displayName: 'Gone Home',
        organisationId: null,
        function: null,
        role: 'participant',
      },
    ]
    const hands = {
      p2: { raised: true, ready: false, at: 30 },
      p9: { raised: true, ready: true, at: 10 },
      p1: { raised: false, ready: true, at: 20 },
    }
    expect(
      handsByName(hands, [peer('p1', 'Örjan', null), peer('p2', 'Bo', null)], participants),
    ).toEqual({
      raised: ['Gone Home', 'Bo'],
      ready: ['Gone Home', 'Örjan'],
    })
  })
})

describe('the join link in the control state', () => {
  const key = controlKey('m1', 'joinLink')
  it('takes an http(s) link with its expiry, or null', () => {
    expect(isControlEntry(key, { url: 'https://modellrummet.se/join#abc', expiresAt: 1 })).toBe(
      true,
    )
    expect(isControlEntry(key, null)).toBe(true)
  })
  it('refuses other schemes and shapes, so no script URL reaches the projector', () => {
    for (const value of [
      { url: 'javascript:alert(1)', expiresAt: 1 },
      { url: 'https://x/join#a' },
      { url: 'https://x/join#' + 'a'.repeat(600), expiresAt: 1 },
      'https://x/join#a',
    ])
      expect(isControlEntry(key, value), JSON.stringify(value)).toBe(false)
  })
  it('is shown without its scheme', () => {
    expect(shortLink('https://modellrummet.se/join#abc')).toBe('modellrummet.se/join#abc')
  })
})
