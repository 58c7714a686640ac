import type { Database } from '../../../db/client.ts'
import type { Logger } from '../../log.ts'
import type { Rooms } from '../../relay/rooms.ts'
import type { Audit } from '../audit.ts'
import type { DocWriter } from '../doc-writer.ts'
import { createAuditReader } from './audit-read.ts'
import { createErasure } from './erase.ts'
import { createGroupExport } from './group-export.ts'
import { createPeople } from './people.ts'
import { createPersonExport } from './person-export.ts'
import { createRetention } from './retention.ts'
import { createRetentionSweep } from './retention-sweep.ts'
import { createRoundScope } from './scope.ts'

export interface PrivacyDeps {
  db: Database
  rooms: Pick<Rooms, 'endSession' | 'groupChanged'>
  writer: DocWriter
  audit: Pick<Audit, 'record'>
  logger: Logger
}

/** Personal data in a round, for its round lead: scope, exports, erasure, retention, audit. */
export function createPrivacy({ db, rooms, writer, audit, logger }: PrivacyDeps) {
  const scope = createRoundScope(db)
  const retention = createRetention(db)
  return {
    scope,
    people: createPeople(db, scope),
    exportPerson: createPersonExport(db, scope),
    exportGroup: createGroupExport(db, scope),
    erase: createErasure({ db, scope, rooms, writer }),
    readAudit: createAuditReader(db),
    retention,
    sweepRetention: createRetentionSweep({ retention, rooms, audit, logger }),
  }
}

export type Privacy = ReturnType<typeof createPrivacy>
