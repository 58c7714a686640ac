import type { ChecklistPhase } from './domain/checklist.ts'
import type { MeetingKind } from './domain/meeting-kind.ts'
import type { GroupMemberRole } from './domain/organisation.ts'
import type { ResultsChainLevel } from './domain/results-chain.ts'
import type { RoundTrack } from './domain/round-track.ts'
import type { CriterionCount, ItemMeans } from './results/round.ts'

/** Plans per results-chain level; `none` for those not assessed yet. */
type PlansPerLevel = Record<ResultsChainLevel | 'none', number>

/** One group of the round, side by side with the others. */
export interface RoundOverviewGroup {
  id: string
  name: string
  room: string
  /** In the order the round lead gave them; only benchmarking ones score the checklist. */
  organisations: { id: string; name: string; memberRole: GroupMemberRole }[]
  meetings: {
    /** The group's meetings, neither archived nor deleted: its plan. */
    planned: number
    /** Of those, dated today or earlier (the Swedish calendar day). */
    held: number
    /** Planned without a date yet. */
    undated: number
    /** The next one dated after today, if any. */
    next: { id: string; kind: MeetingKind; date: string } | null
  }
  /** Per phase: the group's benchmarking organisations meeting the criterion. */
  criterion: Record<ChecklistPhase, CriterionCount>
  plans: PlansPerLevel
  /** ISO 8601: when a member (not a round lead) last connected or left; null: nobody yet. */
  lastActivityAt: string | null
  /**
   * False when the workspace could not be read (written by a newer server): its figures
   * are zeros here and left out of the round's.
   */
  readable: boolean
}

/**
 * `GET /api/rounds/:cohortId/overview` (the round's lead) and `GET
 * /api/rooms/:room/round-overview` (a facilitator of one of the round's groups, read only):
 * the round's figures over all its groups, computed on the server from each group's
 * workspace with the functions of shared/results the group's own results view uses.
 */
export interface RoundOverview {
  round: {
    id: string
    name: string
    track: RoundTrack
    startYear: number
    endYear: number
    checklistVersion: string
  }
  /** ISO 8601: when these figures were read. */
  generatedAt: string
  /** Benchmarking organisations counted (each group's, over the readable groups). */
  organisationCount: number
  /** The 2019 report's Table 1: per checklist item the mean per phase across organisations. */
  items: ItemMeans[]
  /** Per phase: organisations meeting the Modellkommun criterion. */
  criterion: Record<ChecklistPhase, CriterionCount>
  plans: PlansPerLevel
  /** Organisations with at least one plan reaching the level or beyond. */
  organisationsReaching: Record<ResultsChainLevel, number>
  groups: RoundOverviewGroup[]
}
