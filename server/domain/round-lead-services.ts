import type { Database } from '../../db/client.ts'
import type { Sessions } from '../auth/sessions.ts'
import { createLeadEntry } from './lead-entry.ts'
import type { MeetingStructure } from './meeting-structure.ts'
import type { Meetings } from './meetings.ts'
import { createRoundCopy } from './round-copy.ts'
import { createRoundGroups } from './round-groups.ts'
import { createRoundOrganisations } from './round-organisations.ts'
import { createRoundView } from './round-view.ts'
import type { Rounds } from './rounds.ts'

export interface RoundLeadServiceDeps {
  db: Database
  rounds: Rounds
  meetings: Meetings
  sessions: Sessions
  structure: Pick<MeetingStructure, 'initialise' | 'initialiseAll'>
}

/** What the round lead's routes work with, wired once (server/services.ts). */
export function createRoundLeadServices({
  db,
  rounds,
  meetings,
  sessions,
  structure,
}: RoundLeadServiceDeps) {
  const view = createRoundView(db)
  const groups = createRoundGroups({
    db,
    meetings,
    organisations: createRoundOrganisations(db),
    structure,
  })
  return {
    view,
    groups,
    copy: createRoundCopy({ rounds, view, roundGroups: groups }),
    entry: createLeadEntry(db, sessions),
  }
}

export type RoundLeadServices = ReturnType<typeof createRoundLeadServices>
