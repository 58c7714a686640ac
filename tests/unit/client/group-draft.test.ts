import { describe, expect, it } from 'vitest'
import { findOfficialOrganisation } from '../../../shared/domain/municipalities.ts'
import { groupInputSchema, type RoundGroup } from '../../../shared/rounds-api.ts'
import {
  draftOf,
  handChoice,
  meetingInputs,
  officialChoice,
  organisationChoices,
} from '../../../client/src/rounds/group-draft.ts'

const official = (code: string) => {
  const organisation = findOfficialOrganisation(code)
  if (!organisation) throw new Error(`no ${code}`)
  return organisation
}

describe("the group form's draft and the request it sends", () => {
  it('sends official organisations by code, others by name and kind, hosts by position', () => {
    const chosen = [
      officialChoice(official('1984'), 'benchmarking'),
      handChoice('  Sydnärkes kommunförbund ', 'kommunforbund', 'benchmarking'),
      officialChoice(official('1983'), 'mentor'),
    ]
    const request = {
      name: 'Grupp Bergslagen',
      organisations: organisationChoices(chosen),
      meetings: meetingInputs(
        [
          { kind: 'uppstart', date: '2026-02-10', hostKey: 'code:1983' },
          { kind: 'bm1', date: null, hostKey: 'kommunforbund:sydnärkes kommunförbund' },
          // A host taken out of the group since: no host, not a wrong one.
          { kind: 'bm2', date: null, hostKey: 'code:0180' },
        ],
        chosen,
      ),
    }
    expect(request.organisations).toEqual([
      { municipalityCode: '1984', memberRole: 'benchmarking' },
      { name: 'Sydnärkes kommunförbund', kind: 'kommunforbund', memberRole: 'benchmarking' },
      { municipalityCode: '1983', memberRole: 'mentor' },
    ])
    expect(request.meetings.map((meeting) => meeting.hostIndex)).toEqual([2, 1, null])
    expect(groupInputSchema.safeParse(request).success).toBe(true)
  })

  it('starts an edit from the saved group, hosts found again by their organisation', () => {
    const group: RoundGroup = {
      id: 'g1',
      name: 'Grupp Bergslagen',
      room: 'bergslagen',
      organisations: [
        {
          id: 'o1',
          name: 'Arboga kommun',
          kind: 'kommun',
          municipalityCode: '1984',
          memberRole: 'benchmarking',
        },
        {
          id: 'o2',
          name: 'Västerås stad',
          kind: 'kommun',
          municipalityCode: '1980',
          memberRole: 'mentor',
        },
        {
          id: 'o3',
          name: 'Norra förvaltningen',
          kind: 'forvaltning',
          municipalityCode: null,
          memberRole: 'benchmarking',
        },
      ],
      meetings: [
        { id: 'm1', kind: 'uppstart', sequence: 1, date: '2026-02-10', hostOrganisationId: 'o2' },
        { id: 'm2', kind: 'bm1', sequence: 2, date: null, hostOrganisationId: 'o3' },
        { id: 'm3', kind: 'bm2', sequence: 3, date: null, hostOrganisationId: null },
      ],
      memberCounts: { facilitator: 1, participant: 0, viewer: 0 },
      lastActivityAt: null,
    }
    const draft = draftOf(group)
    expect(draft.organisations.map((organisation) => organisation.key)).toEqual([
      'code:1984',
      'code:1980',
      'forvaltning:norra förvaltningen',
    ])
    const meetings = meetingInputs(draft.meetings, draft.organisations)
    expect(meetings).toEqual([
      { id: 'm1', kind: 'uppstart', date: '2026-02-10', hostIndex: 1 },
      { id: 'm2', kind: 'bm1', date: null, hostIndex: 2 },
      { id: 'm3', kind: 'bm2', date: null, hostIndex: null },
    ])
  })
})
