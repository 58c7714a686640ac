import { and, desc, eq, inArray, like, lt, or, type SQL } from 'drizzle-orm'
import type { Database } from '../../../db/client.ts'
import { auditEvents, groups, participants, roundLeads } from '../../../db/schema.ts'
import type {
  AuditEventView,
  AuditPerson,
  AuditQuery,
  AuditResponse,
} from '../../../shared/privacy-api.ts'

const memberOf = (detail: Record<string, unknown> | null): string | null =>
  typeof detail?.member === 'string' ? detail.member : null

/**
 * The round's audit log for its round lead, newest first and paged by id. Events carry
 * ids only; names are read now, so someone erased since shows as removed everywhere in
 * the log, whatever was true when it was written.
 */
export function createAuditReader(db: Database) {
  /** Null when `query.groupId` names a group of another round (or none). */
  return async function readAudit(
    cohortId: string,
    query: AuditQuery,
  ): Promise<AuditResponse | null> {
    const roundGroups = await db
      .select({ id: groups.id, name: groups.name })
      .from(groups)
      .where(eq(groups.cohortId, cohortId))
    const groupNames = new Map(roundGroups.map((group) => [group.id, group.name]))
    if (query.groupId !== undefined && !groupNames.has(query.groupId)) return null

    const where: (SQL | undefined)[] = [
      query.groupId !== undefined
        ? eq(auditEvents.groupId, query.groupId)
        : or(
            eq(auditEvents.cohortId, cohortId),
            roundGroups.length > 0
              ? inArray(auditEvents.groupId, [...groupNames.keys()])
              : undefined,
          ),
    ]
    // `member` finds member.removed and member.role_changed; `member.removed` only that.
    if (query.kind !== undefined)
      where.push(or(eq(auditEvents.kind, query.kind), like(auditEvents.kind, `${query.kind}.%`)))
    if (query.before !== undefined) where.push(lt(auditEvents.id, query.before))
    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(...where))
      .orderBy(desc(auditEvents.id))
      .limit(query.limit + 1)
    const page = rows.slice(0, query.limit)

    const personIds = new Set<string>()
    const leadIds = new Set<string>()
    for (const row of page) {
      if (row.participantId) personIds.add(row.participantId)
      const member = memberOf(row.detail)
      if (member) personIds.add(member)
      if (row.leadId) leadIds.add(row.leadId)
    }
    const people = new Map<string, AuditPerson>()
    if (personIds.size > 0) {
      const found = await db
        .select({
          id: participants.id,
          displayName: participants.displayName,
          erasedAt: participants.erasedAt,
          groupId: participants.groupId,
        })
        .from(participants)
        .where(inArray(participants.id, [...personIds]))
      for (const person of found)
        people.set(person.id, {
          id: person.id,
          displayName: person.displayName,
          erased: person.erasedAt !== null,
          groupId: person.groupId,
        })
    }
    const leads = new Map<string, string>()
    if (leadIds.size > 0) {
      const found = await db
        .select({ id: roundLeads.id, displayName: roundLeads.displayName })
        .from(roundLeads)
        .where(inArray(roundLeads.id, [...leadIds]))
      for (const lead of found) leads.set(lead.id, lead.displayName)
    }
    const person = (id: string): AuditPerson =>
      people.get(id) ?? { id, displayName: '', erased: false, groupId: null }

    const events: AuditEventView[] = page.map((row) => {
      const member = memberOf(row.detail)
      // A lead acting inside a group does so as a member of it; the lead is who did it.
      const actor: AuditEventView['actor'] = row.leadId
        ? { type: 'lead', id: row.leadId, displayName: leads.get(row.leadId) ?? '' }
        : row.participantId
          ? { type: 'member', ...person(row.participantId) }
          : null
      const { displayName: _name, ...detail } = row.detail ?? {}
      return {
        id: row.id,
        at: row.createdAt.toISOString(),
        kind: row.kind,
        groupId: row.groupId,
        groupName: row.groupId ? (groupNames.get(row.groupId) ?? null) : null,
        actor,
        subject: member ? person(member) : null,
        detail,
      }
    })
    const last = page.at(-1)
    return { events, nextBefore: rows.length > query.limit && last ? last.id : null }
  }
}
