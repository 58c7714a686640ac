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
  /** A caller-chosen token (demo invites are derived from a key); otherwise random. */
  token?: string
}

interface RedeemedInvitation {
  groupId: string
  room: string
  role: Role
}

export type InvitationProblem = 'invite_not_found' | 'invite_expired' | 'invite_used_up'

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
      })
      .onConflictDoNothing({ target: invitations.tokenHash })
    return { id, token }
  }

  async function inspect(token: string, now = new Date()): Promise<InvitationCheck> {
    const rows = await db
      .select({
        groupId: invitations.groupId,
        role: invitations.role,
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
    if (!row || row.revokedAt) return { ok: false, problem: 'invite_not_found' }
    if (row.expiresAt <= now) return { ok: false, problem: 'invite_expired' }
    if (row.maxUses !== null && row.uses >= row.maxUses)
      return { ok: false, problem: 'invite_used_up' }
    return {
      ok: true,
      invitation: { groupId: row.groupId, room: row.room, role: row.role },
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
      .returning({ groupId: invitations.groupId, role: invitations.role })
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
      invitation: { groupId: row.groupId, room: group[0].room, role: row.role },
    }
  }

  return { create, inspect, redeem }
}

export type Invitations = ReturnType<typeof createInvitations>
