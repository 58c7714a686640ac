import { and, eq } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { participants } from '../../db/schema.ts'
import { Role } from '../../shared/roles.ts'
import type { RoundLead } from '../../shared/rounds-api.ts'
import type { Sessions } from '../auth/sessions.ts'
import { randomId } from '../auth/tokens.ts'

export interface GroupEntry {
  participantId: string
  /** The group session's token (its cookie). */
  token: string
  /** First entry into this group (the member was made now). */
  firstTime: boolean
}

/**
 * A round lead entering one of their round's groups becomes a processledare there: one
 * member per lead and group (`participants.lead_id`), made on the first entry and the same
 * on every later one, so their edits and presence are one person's. A member a facilitator
 * removed or gave another role is a facilitator again: the lead answers for the round.
 */
export function createLeadEntry(db: Database, sessions: Pick<Sessions, 'resume'>) {
  async function memberOf(groupId: string, leadId: string) {
    const [row] = await db
      .select({ id: participants.id })
      .from(participants)
      .where(and(eq(participants.groupId, groupId), eq(participants.leadId, leadId)))
      .limit(1)
    return row ?? null
  }

  async function enter(lead: RoundLead, groupId: string, until: Date): Promise<GroupEntry> {
    const existing = await memberOf(groupId, lead.id)
    if (existing)
      await db
        .update(participants)
        .set({ role: Role.Facilitator, removedAt: null, displayName: lead.displayName })
        .where(eq(participants.id, existing.id))
    else
      await db
        .insert(participants)
        .values({
          id: randomId(),
          groupId,
          displayName: lead.displayName,
          organisationId: null,
          function: null,
          role: Role.Facilitator,
          leadId: lead.id,
          lastSeenAt: new Date(),
        })
        // Two entries at once: the unique (group, lead) keeps one member.
        .onConflictDoNothing()
    const member = existing ?? (await memberOf(groupId, lead.id))
    if (!member) throw new Error(`Round lead ${lead.id} could not enter group ${groupId}`)
    const { token } = await sessions.resume(
      { id: member.id, groupId, role: Role.Facilitator },
      until,
    )
    return { participantId: member.id, token, firstTime: !existing }
  }

  return { enter }
}
