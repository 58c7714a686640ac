import { and, eq, gt, inArray, isNull } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { leadInvitations, leadSessions, roundLeads, sessions } from '../../db/schema.ts'
import type { RoundLead } from '../../shared/rounds-api.ts'
import { hashToken, randomId, randomToken } from './tokens.ts'

/**
 * A round lead's session lasts a month: the rights reach every group of a round (or all
 * rounds), so a forgotten browser should not keep them for a year as a member's does.
 */
export const LEAD_SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000

export interface ActiveLead {
  sessionId: string
  lead: RoundLead
  expiresAt: Date
}

export interface LeadInvitationSpec {
  /** null: every round. */
  cohortId: string | null
  expiresAt: Date
  /** The round lead who made it; null: the command line. */
  createdBy: string | null
}

export type LeadInvitationProblem =
  'invite_not_found' | 'invite_revoked' | 'invite_expired' | 'invite_used_up'

export type LeadJoin =
  | { ok: true; lead: RoundLead; token: string; invitationId: string }
  | { ok: false; problem: LeadInvitationProblem }

/**
 * Round leads (omgångsledare): one-time invitations, joining with one, and their sessions.
 * Tokens are random and stored only as their hashes, as the groups' are.
 */
export function createRoundLeads(db: Database) {
  async function invite(spec: LeadInvitationSpec): Promise<{ id: string; token: string }> {
    const id = randomId()
    const token = randomToken()
    await db.insert(leadInvitations).values({
      id,
      tokenHash: hashToken(token),
      cohortId: spec.cohortId,
      createdBy: spec.createdBy,
      expiresAt: spec.expiresAt,
    })
    return { id, token }
  }

  /** Why a token cannot be used (it was not, or no longer is, a valid invitation). */
  async function problemOf(token: string, now: Date): Promise<LeadInvitationProblem> {
    const [row] = await db
      .select()
      .from(leadInvitations)
      .where(eq(leadInvitations.tokenHash, hashToken(token)))
    if (!row) return 'invite_not_found'
    if (row.revokedAt) return 'invite_revoked'
    if (row.usedAt) return 'invite_used_up'
    if (row.expiresAt <= now) return 'invite_expired'
    return 'invite_used_up'
  }

  /**
   * Uses an invitation once (the update that marks it used is the check, so two joins with
   * one link cannot both pass) and makes its holder a round lead with a session.
   */
  async function join(token: string, displayName: string, now = new Date()): Promise<LeadJoin> {
    const [used] = await db
      .update(leadInvitations)
      .set({ usedAt: now })
      .where(
        and(
          eq(leadInvitations.tokenHash, hashToken(token)),
          isNull(leadInvitations.usedAt),
          isNull(leadInvitations.revokedAt),
          gt(leadInvitations.expiresAt, now),
        ),
      )
      .returning({ id: leadInvitations.id, cohortId: leadInvitations.cohortId })
    if (!used) return { ok: false, problem: await problemOf(token, now) }
    const lead: RoundLead = { id: randomId(), displayName, cohortId: used.cohortId }
    const sessionToken = randomToken()
    await db.batch([
      db.insert(roundLeads).values(lead),
      db.insert(leadSessions).values({
        id: randomId(),
        tokenHash: hashToken(sessionToken),
        leadId: lead.id,
        expiresAt: new Date(now.getTime() + LEAD_SESSION_LIFETIME_MS),
      }),
      db.update(leadInvitations).set({ usedBy: lead.id }).where(eq(leadInvitations.id, used.id)),
    ])
    return { ok: true, lead, token: sessionToken, invitationId: used.id }
  }

  async function find(token: string, now = new Date()): Promise<ActiveLead | null> {
    const [row] = await db
      .select({
        sessionId: leadSessions.id,
        expiresAt: leadSessions.expiresAt,
        id: roundLeads.id,
        displayName: roundLeads.displayName,
        cohortId: roundLeads.cohortId,
      })
      .from(leadSessions)
      .innerJoin(roundLeads, eq(roundLeads.id, leadSessions.leadId))
      .where(
        and(
          eq(leadSessions.tokenHash, hashToken(token)),
          isNull(leadSessions.revokedAt),
          gt(leadSessions.expiresAt, now),
          isNull(roundLeads.removedAt),
        ),
      )
      .limit(1)
    if (!row) return null
    return {
      sessionId: row.sessionId,
      expiresAt: row.expiresAt,
      lead: { id: row.id, displayName: row.displayName, cohortId: row.cohortId },
    }
  }

  async function revoke(sessionId: string, now = new Date()): Promise<void> {
    await db.update(leadSessions).set({ revokedAt: now }).where(eq(leadSessions.id, sessionId))
  }

  /**
   * Whether one of these tokens is a valid group session (a member, not a lead): such a
   * request is known, only not allowed (403 rather than 401).
   */
  async function isGroupSession(tokens: string[], now = new Date()): Promise<boolean> {
    if (tokens.length === 0) return false
    const rows = await db
      .select({ id: sessions.id })
      .from(sessions)
      .where(
        and(
          inArray(sessions.tokenHash, tokens.map(hashToken)),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, now),
        ),
      )
      .limit(1)
    return rows.length > 0
  }

  return { invite, join, find, revoke, isGroupSession }
}

export type RoundLeads = ReturnType<typeof createRoundLeads>
