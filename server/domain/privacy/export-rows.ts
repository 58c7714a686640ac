import { eq, inArray } from 'drizzle-orm'
import type { Database } from '../../../db/client.ts'
import type { auditEvents, groups, invitations } from '../../../db/schema.ts'
import { organisations, participants } from '../../../db/schema.ts'
import type {
  ExportedAuditEvent,
  ExportedInvitation,
  PersonExport,
} from '../../../shared/privacy-api.ts'

/**
 * The rows of an export, each written out column by column: a column added to a table
 * later (a token's hash, say) never reaches an export by accident.
 */

const iso = (date: Date | null): string | null => date?.toISOString() ?? null

export const exportedInvitation = (row: typeof invitations.$inferSelect): ExportedInvitation => ({
  id: row.id,
  groupId: row.groupId,
  role: row.role,
  organisationId: row.organisationId,
  label: row.label,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
  maxUses: row.maxUses,
  uses: row.uses,
  revokedAt: iso(row.revokedAt),
})

export const exportedAuditEvent = (row: typeof auditEvents.$inferSelect): ExportedAuditEvent => ({
  id: row.id,
  at: row.createdAt.toISOString(),
  kind: row.kind,
  groupId: row.groupId,
  participantId: row.participantId,
  leadId: row.leadId,
  detail: row.detail ?? null,
})

type ParticipantRow = typeof participants.$inferSelect
type GroupRow = typeof groups.$inferSelect

/** People as exported, with their organisation's name read once for all of them. */
export async function exportedParticipants(
  db: Database,
  group: GroupRow,
  rows: ParticipantRow[],
): Promise<PersonExport['participant'][]> {
  const ids = [...new Set(rows.flatMap((row) => (row.organisationId ? [row.organisationId] : [])))]
  const names = new Map<string, string>()
  if (ids.length > 0) {
    const found = await db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(inArray(organisations.id, ids))
    for (const organisation of found) names.set(organisation.id, organisation.name)
  }
  return rows.map((row) => ({
    id: row.id,
    displayName: row.displayName,
    organisation: row.organisationId
      ? { id: row.organisationId, name: names.get(row.organisationId) ?? '' }
      : null,
    function: row.function,
    role: row.role,
    group: { id: group.id, name: group.name, cohortId: group.cohortId },
    invitationId: row.invitationId,
    joinedAt: row.createdAt.toISOString(),
    lastSeenAt: iso(row.lastSeenAt),
    removedAt: iso(row.removedAt),
    erasedAt: iso(row.erasedAt),
  }))
}

/** A group's participants, every one ever (removed and erased ones too), first first. */
export const allParticipantsOf = (db: Database, groupId: string) =>
  db
    .select()
    .from(participants)
    .where(eq(participants.groupId, groupId))
    .orderBy(participants.createdAt, participants.id)
