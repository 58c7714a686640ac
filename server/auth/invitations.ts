import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { groups, invitations } from '../../db/schema.ts'
import type { Role } from '../../shared/roles.ts'
import { hashToken, randomId, randomToken } from './tokens.ts'

export interface InvitationSpec {
  groupId: string
  role: Role
  expiresAt: Date
  maxUses?: number | null
  label?: string | null
  /** The member organisation the link is for (null: any). */
  organisationId?: string | null
  /** The participant (a facilitator) who made it; null for the CLI and the demo. */
  createdBy?: string | null
  /** A caller-chosen token (demo invites are derived from a key); otherwise random. */
  token?: string
}

interface RedeemedInvitation {
  id: string
  groupId: string
  room: string
  role: Role
  organisationId: string | null
}

export type InvitationProblem =
  'invite_not_found' | 'invite_revoked' | 'invite_expired' | 'invite_used_up'

export type InvitationCheck =
  { ok: true; invitation: RedeemedInvitation } | { ok: false; problem: InvitationProblem }

/** Reusable invitation links per group and role, with an expiry and an optional use limit. */
export function createInvitations(db: Database) {
  async function create(spec: InvitationSpec): Promise<{ id: string; token: string }> {
    const token = spec.token ?? randomToken()
    const id = randomId()
    await db
      .insert(invitations)
      .values({
        id,
        groupId: spec.groupId,
        role: spec.role,
        tokenHash: hashToken(token),
        expiresAt: spec.expiresAt,
        maxUses: spec.maxUses ?? null,
        label: spec.label ?? null,
        organisationId: spec.organisationId ?? null,
        createdBy: spec.createdBy ?? null,
      })
      .onConflictDoNothing({ target: invitations.tokenHash })
    return { id, token }
  }

  async function inspect(token: string, now = new Date()): Promise<InvitationCheck> {
    const rows = await db
      .select({
        id: invitations.id,
        groupId: invitations.groupId,
        role: invitations.role,
        organisationId: invitations.organisationId,
        expiresAt: invitations.expiresAt,
        maxUses: invitations.maxUses,
        uses: invitations.uses,
        revokedAt: invitations.revokedAt,
        room: groups.room,
      })
      .from(invitations)
      .innerJoin(groups, eq(groups.id, invitations.groupId))
      .where(eq(invitations.tokenHash, hashToken(token)))
      .limit(1)
    const row = rows[0]
    if (!row) return { ok: false, problem: 'invite_not_found' }
    // Said as such: the holder of a withdrawn link should ask for a new one, not retype it.
    if (row.revokedAt) return { ok: false, problem: 'invite_revoked' }
    if (row.expiresAt <= now) return { ok: false, problem: 'invite_expired' }
    if (row.maxUses !== null && row.uses >= row.maxUses)
      return { ok: false, problem: 'invite_used_up' }
    return {
      ok: true,
      invitation: {
        id: row.id,
        groupId: row.groupId,
        room: row.room,
        role: row.role,
        organisationId: row.organisationId,
      },
    }
  }

  /** Counts one use atomically, so a use limit holds under concurrent joins. */
  async function redeem(token: string, now = new Date()): Promise<InvitationCheck> {
    const used = await db
      .update(invitations)
      .set({ uses: sql`${invitations.uses} + 1` })
      .where(
        and(
          eq(invitations.tokenHash, hashToken(token)),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, now),
          or(isNull(invitations.maxUses), lt(invitations.uses, invitations.maxUses)),
        ),
      )
      .returning({
        id: invitations.id,
        groupId: invitations.groupId,
        role: invitations.role,
        organisationId: invitations.organisationId,
      })
    const row = used[0]
    if (!row) {
      const check = await inspect(token, now)
      return check.ok ? { ok: false, problem: 'invite_used_up' } : check
    }
    const group = await db
      .select({ room: groups.room })
      .from(groups)
      .where(eq(groups.id, row.groupId))
    if (!group[0]) return { ok: false, problem: 'invite_not_found' }
    return {
      ok: true,
      invitation: { ...row, room: group[0].room },
    }
  }

  /**
   * The room of the group a token invites to, whatever the invitation's state: a person
   * who already belongs to that group is sent there even when the link has expired.
   */
  async function roomOf(token: string): Promise<string | null> {
    const rows = await db
      .select({ room: groups.room })
      .from(invitations)
      .innerJoin(groups, eq(groups.id, invitations.groupId))
      .where(eq(invitations.tokenHash, hashToken(token)))
      .limit(1)
    return rows[0]?.room ?? null
  }

  /** Withdraws one of the group's invitations; false when it has none by that id. */
  async function revoke(groupId: string, id: string, now = new Date()): Promise<boolean> {
    const revoked = await db
      .update(invitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(invitations.id, id),
          eq(invitations.groupId, groupId),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ id: invitations.id })
    if (revoked.length > 0) return true
    // Revoking twice is no error: the link is withdrawn either way.
    const exists = await db
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.id, id), eq(invitations.groupId, groupId)))
    return exists.length > 0
  }

  return { create, inspect, redeem, roomOf, revoke }
}

export type Invitations = ReturnType<typeof createInvitations>
