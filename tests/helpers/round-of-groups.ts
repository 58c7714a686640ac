import { checklistPhases, type ChecklistPhase } from '../../shared/domain/checklist.ts'
import { checklist2019 } from '../../shared/domain/checklist-versions.ts'
import { defaultMeetingPlan } from '../../shared/domain/meeting-kind.ts'
import { kommuner } from '../../shared/domain/municipalities.ts'
import { GroupMemberRole } from '../../shared/domain/organisation.ts'
import { resultsChainLevels, type ResultsChainLevel } from '../../shared/domain/results-chain.ts'
import {
  addPdsaPlan,
  getChecklistComment,
  setChecklistScore,
  updatePdsaPlan,
} from '../../shared/workspace/index.ts'
import type { Services } from '../../server/services.ts'
import { makePrng } from './prng.ts'

/** One organisation's scores per phase, item by item (null: not scored). */
type ScoreSheet = Partial<Record<ChecklistPhase, (1 | 2 | 3 | null)[]>>

interface BuiltGroup {
  id: string
  room: string
  /** Benchmarking organisation ids with their scores (what the test wrote). */
  scores: Map<string, ScoreSheet>
  /** The results-chain level of every plan written (null: not assessed). */
  planLevels: { organisationId: string; level: ResultsChainLevel | null }[]
  /** Meetings dated today or earlier, dated later, and undated. */
  meetings: { held: number; ahead: number; undated: number }
}

export interface BuiltRound {
  cohortId: string
  groups: BuiltGroup[]
}

export interface RoundBuildOptions {
  groups: number
  seed?: number
  /** Characters of comment written beside every score (a year's workspace has some). */
  commentLength?: number
}

/**
 * A round of many groups made as the round lead makes them (the round and groups through
 * the round lead's services, so each meeting's workspace structure is made as for every
 * group), then filled in as a year of meetings would: seeded scores in each phase
 * (some organisations stop after a phase, some leave items unscored), PDSA plans with
 * results-chain levels, comments. Everything is written through the shared workspace
 * accessors as server changes, and returned as the truth a test checks figures against.
 */
export async function buildRound(
  services: Services,
  options: RoundBuildOptions,
): Promise<BuiltRound> {
  const random = makePrng(options.seed ?? 2019)
  const plan = defaultMeetingPlan.map((kind, index) => ({
    kind,
    date: `2019-0${index + 2}-1${index}`,
  }))
  const cohortId = await services.rounds.create({
    name: `Modellkommuner bench ${options.seed ?? 2019} ${Date.now()}`,
    track: 'kommuner',
    startYear: 2019,
    endYear: 2020,
    checklistVersion: checklist2019.id,
    meetingPlan: plan,
  })
  const built: BuiltGroup[] = []
  let next = 0
  for (let g = 0; g < options.groups; g += 1) {
    const size = 2 + random.int(2)
    const codes = kommuner.slice(next, next + size + 1).map((kommun) => kommun.code)
    next += size + 1
    // Every fifth group has planned ahead: BM3 dated far ahead, the closing one not yet.
    const planningAhead = g % 5 === 4
    const id = await services.roundLead.groups.create(
      cohortId,
      {
        name: `Grupp ${g + 1}`,
        organisations: codes.map((code, index) => ({
          municipalityCode: code,
          memberRole: index === size ? GroupMemberRole.Mentor : GroupMemberRole.Benchmarking,
        })),
        ...(planningAhead
          ? {
              meetings: plan.map((entry, index) => ({
                kind: entry.kind,
                date: index < 3 ? entry.date : index === 3 ? '2099-09-01' : null,
              })),
            }
          : {}),
      },
      plan,
    )
    if (g % 5 === 1) {
      // An accidental "Spara": one extra meeting archived, another deleted; neither is planned.
      for (const archive of [true, false]) {
        const extra = await services.meetings.create(id, { kind: 'extra', date: '2019-05-01' })
        if (archive) await services.meetings.setArchived(id, extra.id, true)
        else await services.meetings.remove(id, extra.id)
      }
    }
    const detail = await services.roundLead.view.group(cohortId, id)
    if (!detail) throw new Error(`group ${id} not found after creating it`)
    const benchmarking = detail.organisations
      .filter((org) => org.memberRole === GroupMemberRole.Benchmarking)
      .map((org) => org.id)
    const scores = new Map<string, ScoreSheet>()
    for (const organisationId of benchmarking) {
      // Progress phase by phase; some stop early (not every organisation scores every time).
      const phasesScored = 1 + random.int(checklistPhases.length)
      const sheet: ScoreSheet = {}
      checklistPhases.slice(0, phasesScored).forEach((phase, index) => {
        sheet[phase] = checklist2019.items.map(() => {
          if (random.next() < 0.05) return null
          // Later phases score higher, so the criterion is met by some and missed by others.
          const lift = (index >= 1 ? random.int(2) : 0) + (index >= 3 ? 1 : 0)
          return Math.min(3, 1 + random.int(2) + lift) as 1 | 2 | 3
        })
      })
      scores.set(organisationId, sheet)
    }
    const planLevels: BuiltGroup['planLevels'] = []
    const comment = 'Kommentar om läget. '.repeat(Math.ceil((options.commentLength ?? 0) / 20))
    await services.rooms.change(detail.room, (doc) => {
      for (const [organisationId, sheet] of scores) {
        for (const [phase, values] of Object.entries(sheet) as [
          ChecklistPhase,
          ScoreSheet[ChecklistPhase],
        ][])
          values!.forEach((score, index) => {
            const item = checklist2019.items[index]!
            if (score !== null) setChecklistScore(doc, organisationId, phase, item.id, score)
            if (comment && score !== null)
              getChecklistComment(doc, organisationId, phase, item.id)?.insert(0, comment)
          })
        const plans = random.int(4)
        for (let p = 0; p < plans; p += 1) {
          const planId = addPdsaPlan(doc, {
            organisationId,
            plannedAtMeetingId: detail.meetings[1 + random.int(3)]!.id,
            aim: `Förbättring ${p + 1}`,
          })
          const level = random.next() < 0.3 ? null : random.pick(resultsChainLevels)
          if (level) updatePdsaPlan(doc, planId, { resultsChainLevel: level })
          planLevels.push({ organisationId, level })
        }
      }
    })
    built.push({
      id,
      room: detail.room,
      scores,
      planLevels,
      meetings: planningAhead
        ? { held: 3, ahead: 1, undated: 1 }
        : { held: plan.length, ahead: 0, undated: 0 },
    })
  }
  return { cohortId, groups: built }
}
