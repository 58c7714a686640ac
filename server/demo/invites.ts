import { eq } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { invitations, settings } from '../../db/schema.ts'
import { roles, type Role } from '../../shared/roles.ts'
import type { Invitations } from '../auth/invitations.ts'
import { deriveToken, hashToken, randomToken } from '../auth/tokens.ts'

const DEMO_KEY_SETTING = 'demo_invite_key'
/** Demo links stay valid for two years from the latest `demo` run. */
const DEMO_INVITE_LIFETIME_MS = 2 * 365 * 24 * 60 * 60 * 1000

export type DemoInvites = Record<Role, string>

/** The key demo tokens are derived from: created once, then read from `settings`. */
export async function demoKey(db: Database): Promise<string> {
  await db
    .insert(settings)
    .values({ key: DEMO_KEY_SETTING, value: randomToken() })
    .onConflictDoNothing({ target: settings.key })
  const [row] = await db.select().from(settings).where(eq(settings.key, DEMO_KEY_SETTING))
  if (!row) throw new Error('The demo invite key could not be stored')
  return row.value
}

/**
 * One reusable invitation per role. Tokens are derived from the demo key, so the same links
 * can be printed again while the database keeps only their hashes; running again inserts
 * nothing new and only pushes the expiry forward (a withdrawn link stays withdrawn).
 */
export async function ensureDemoInvites(
  db: Database,
  invitationService: Invitations,
  key: string,
  group: { id: string; name: string },
  now = new Date(),
): Promise<DemoInvites> {
  const expiresAt = new Date(now.getTime() + DEMO_INVITE_LIFETIME_MS)
  const invites = {} as DemoInvites
  for (const role of roles) {
    const token = deriveToken(key, `demo:${group.id}:${role}`)
    await invitationService.create({
      groupId: group.id,
      role,
      expiresAt,
      maxUses: null,
      label: `Demo (${role}): ${group.name}`,
      token,
    })
    await db
      .update(invitations)
      .set({ expiresAt })
      .where(eq(invitations.tokenHash, hashToken(token)))
    invites[role] = token
  }
  return invites
}

/** The link a person opens: the token stays in the fragment, so it never reaches logs. */
export const joinLink = (publicUrl: string, token: string): string =>
  `${publicUrl.replace(/\/$/, '')}/join#${token}`
