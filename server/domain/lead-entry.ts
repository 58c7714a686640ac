import { and, eq, gt, inArray, isNull } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { groups, participants, sessions as sessionRows } from '../../db/schema.ts'
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

/** A group session a round lead's sign-out ended. */
export interface EndedEntry {
  sessionId: string
  room: string
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

  /**
   * Ends every group session the lead holds by having entered groups (signing out as round
   * lead: the rights that came with it go too), and says which, by room, so their open
   * sockets can be closed. The member stays, for the next entry and for authorship.
   */
  async function leaveAll(leadId: string, now = new Date()): Promise<EndedEntry[]> {
    const ended = await db
      .select({ sessionId: sessionRows.id, room: groups.room })
      .from(sessionRows)
      .innerJoin(participants, eq(participants.id, sessionRows.participantId))
      .innerJoin(groups, eq(groups.id, sessionRows.groupId))
      .where(
        and(
          eq(participants.leadId, leadId),
          isNull(sessionRows.revokedAt),
          gt(sessionRows.expiresAt, now),
        ),
      )
    if (ended.length > 0)
      await db
        .update(sessionRows)
        .set({ revokedAt: now })
        .where(
          inArray(
            sessionRows.id,
            ended.map((entry) => entry.sessionId),
          ),
        )
    return ended
  }

  return { enter, leaveAll }
}

export type LeadEntry = ReturnType<typeof createLeadEntry>
