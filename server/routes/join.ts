import { and, asc, eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { setCookie } from 'hono/cookie'
import type { Database } from '../../db/client.ts'
import { groupOrganisations, groups, organisations } from '../../db/schema.ts'
import {
  invitePreviewRequestSchema,
  joinRequestSchema,
  type InvitePreviewResponse,
  type JoinResponse,
  type OrganisationSummary,
} from '../../shared/api.ts'
import type { GroupMemberRole, OrganisationKind } from '../../shared/domain/organisation.ts'
import { sessionCookieName } from '../../shared/protocol/messages.ts'
import type { InvitationProblem, Invitations } from '../auth/invitations.ts'
import { SESSION_LIFETIME_MS, type Sessions } from '../auth/sessions.ts'
import { apiError, readJson } from '../http/errors.ts'
import type { Logger } from '../log.ts'

export interface JoinDeps {
  db: Database
  invitations: Invitations
  sessions: Sessions
  logger: Logger
  /** Cookies are marked Secure when the public URL is https. */
  secureCookies: boolean
}

const problemStatus = { invite_not_found: 404, invite_expired: 410, invite_used_up: 410 } as const
const problemMessage: Record<InvitationProblem, string> = {
  invite_not_found: 'This invitation does not exist or has been withdrawn.',
  invite_expired: 'This invitation has expired. Ask your mentor or SKR for a new link.',
  invite_used_up: 'This invitation has been used as many times as it allows.',
}
const refuse = (problem: InvitationProblem) =>
  apiError(problemStatus[problem], problem, problemMessage[problem])

export async function groupOrganisationsOf(
  db: Database,
  groupId: string,
): Promise<OrganisationSummary[]> {
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      municipalityCode: organisations.municipalityCode,
      memberRole: groupOrganisations.role,
      position: groupOrganisations.position,
    })
    .from(groupOrganisations)
    .innerJoin(organisations, eq(organisations.id, groupOrganisations.organisationId))
    .where(eq(groupOrganisations.groupId, groupId))
    .orderBy(asc(groupOrganisations.position))
  return rows.map((row) => ({
    ...row,
    kind: row.kind as OrganisationKind,
    memberRole: row.memberRole as GroupMemberRole,
  }))
}

/** `POST /api/invitations/preview` and `POST /api/join`: from an invitation to a session. */
export function createJoinRoutes({ db, invitations, sessions, logger, secureCookies }: JoinDeps) {
  const app = new Hono()

  app.post('/invitations/preview', async (c) => {
    const { invite } = await readJson(c, invitePreviewRequestSchema)
    const check = await invitations.inspect(invite)
    if (!check.ok) throw refuse(check.problem)
    const { groupId, room, role } = check.invitation
    const [group] = await db
      .select({ name: groups.name })
      .from(groups)
      .where(eq(groups.id, groupId))
    const body: InvitePreviewResponse = {
      group: { id: groupId, name: group?.name ?? '', room },
      role,
      organisations: await groupOrganisationsOf(db, groupId),
    }
    return c.json(body)
  })

  app.post('/join', async (c) => {
    const request = await readJson(c, joinRequestSchema)
    const preview = await invitations.inspect(request.invite)
    if (!preview.ok) throw refuse(preview.problem)
    if (request.organisationId) {
      const member = await db
        .select({ id: groupOrganisations.organisationId })
        .from(groupOrganisations)
        .where(
          and(
            eq(groupOrganisations.groupId, preview.invitation.groupId),
            eq(groupOrganisations.organisationId, request.organisationId),
          ),
        )
      if (member.length === 0) {
        throw apiError(400, 'bad_request', 'That organisation is not a member of this group.')
      }
    }
    const redeemed = await invitations.redeem(request.invite)
    if (!redeemed.ok) throw refuse(redeemed.problem)
    const { groupId, room, role } = redeemed.invitation
    const { token, participantId } = await sessions.start({
      groupId,
      role,
      displayName: request.name,
      organisationId: request.organisationId ?? null,
      function: request.function ?? null,
    })
    setCookie(c, sessionCookieName(room), token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: secureCookies,
      path: '/',
      maxAge: Math.floor(SESSION_LIFETIME_MS / 1000),
    })
    logger.info('participant joined', { room, participant: participantId, role })
    const body: JoinResponse = { session: token, room, role, participantId }
    return c.json(body)
  })

  return app
}
