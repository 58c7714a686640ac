import type { Database } from '../../db/client.ts'
import { auditEvents } from '../../db/schema.ts'

export interface AuditEntry {
  groupId: string | null
  participantId?: string | null
  /** The round (set for a round's own events and a round lead's). */
  cohortId?: string | null
  /** The round lead who did it. */
  leadId?: string | null
  kind: string
  detail?: Record<string, unknown> | null
}

/** Who did what, for the project leader and for incident review. Append-only. */
export function createAudit(db: Database) {
  async function record(entry: AuditEntry): Promise<void> {
    await db.insert(auditEvents).values({
      groupId: entry.groupId,
      participantId: entry.participantId ?? null,
      cohortId: entry.cohortId ?? null,
      leadId: entry.leadId ?? null,
      kind: entry.kind,
      detail: entry.detail ?? null,
    })
  }

  return { record }
}

export type Audit = ReturnType<typeof createAudit>
