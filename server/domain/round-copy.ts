import { GroupMemberRole } from '../../shared/domain/organisation.ts'
import type { RoundCopyInput } from '../../shared/rounds-api.ts'
import { apiError } from '../http/errors.ts'
import type { RoundGroups } from './round-groups.ts'
import type { RoundView } from './round-view.ts'
import { planOf, type Rounds } from './rounds.ts'

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

/** The same day `years` later (29 February on a year without one: the 28th). */
const shiftDate = (date: string | null, years: number): string | null => {
  if (date === null) return null
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const next = year + years
  const shiftedDay = month === 2 && day === 29 && !isLeapYear(next) ? 28 : day
  return `${String(next).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(shiftedDay).padStart(2, '0')}`
}

export interface RoundCopyDeps {
  rounds: Rounds
  view: RoundView
  roundGroups: Pick<RoundGroups, 'make'>
}

/**
 * The next round from this one's structure: the same track, checklist version and meeting
 * plan (dates moved by the years between them), every group with its name, organisations
 * and meetings (kinds, dates moved, no hosts), and no content. Organisations in
 * `mentorOrganisationIds` are mentors of their group's copy (mentor continuity).
 */
export function createRoundCopy({ rounds, view, roundGroups }: RoundCopyDeps) {
  async function copy(cohortId: string, input: RoundCopyInput): Promise<string | null> {
    const source = await rounds.find(cohortId)
    const detail = source && (await view.detail(cohortId))
    if (!source || !detail) return null
    const members = new Set(detail.groups.flatMap((g) => g.organisations.map((o) => o.id)))
    const mentors = new Set(input.mentorOrganisationIds ?? [])
    ;(input.mentorOrganisationIds ?? []).forEach((id, index) => {
      if (!members.has(id))
        throw apiError(
          400,
          'bad_request',
          `mentorOrganisationIds.${index}: not an organisation of this round's groups.`,
        )
    })
    const years = input.startYear - source.startYear
    const created = await rounds.create({
      name: input.name,
      track: detail.track,
      startYear: input.startYear,
      endYear: input.endYear,
      checklistVersion: source.checklistVersion,
      meetingPlan: planOf(source).map((entry) => ({
        kind: entry.kind,
        date: shiftDate(entry.date, years),
      })),
    })
    for (const group of detail.groups) {
      await roundGroups.make(
        created,
        group.name,
        group.organisations.map((organisation) => ({
          organisationId: organisation.id,
          role: mentors.has(organisation.id) ? GroupMemberRole.Mentor : organisation.memberRole,
        })),
        group.meetings.map((meeting) => ({
          kind: meeting.kind,
          date: shiftDate(meeting.date, years),
          hostOrganisationId: null,
        })),
      )
    }
    return created
  }

  return { copy }
}
