import { Hono } from 'hono'
import { setCookie } from 'hono/cookie'
import type { InvitationResponse, JoinResponse } from '../../shared/api.ts'
import { sessionCookieName } from '../../shared/protocol/messages.ts'
import { Role } from '../../shared/roles.ts'
import {
  groupInputSchema,
  groupInvitationRequestSchema,
  groupPatchSchema,
  roundGroupParamsSchema,
  roundParamsSchema,
  type RoundGroup,
} from '../../shared/rounds-api.ts'
import type { Invitations } from '../auth/invitations.ts'
import { requireRoundLead } from '../auth/lead-middleware.ts'
import type { RoundLeads } from '../auth/round-leads.ts'
import type { Audit } from '../domain/audit.ts'
import type { Groups } from '../domain/groups.ts'
import type { RoundLeadServices } from '../domain/round-lead-services.ts'
import { planOf, type Rounds } from '../domain/rounds.ts'
import { joinLink } from '../demo/invites.ts'
import type { AppEnv } from '../http/env.ts'
import { apiError, readJson, readParams } from '../http/errors.ts'
import type { Logger } from '../log.ts'
import { GroupPart } from '../../shared/protocol/group-changed.ts'
import type { Rooms } from '../relay/rooms.ts'

export interface RoundGroupRouteDeps {
  leads: RoundLeads
  rounds: Rounds
  roundLead: Pick<RoundLeadServices, 'view' | 'groups' | 'entry'>
  groups: Pick<Groups, 'isMember'>
  invitations: Invitations
  audit: Pick<Audit, 'record'>
  /** The group's open pages show its meetings and organisations: a change is told to them. */
  rooms: Pick<Rooms, 'groupChanged'>
  logger: Logger
  publicUrl: string
  secureCookies: boolean
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * A round's groups, for its round leads: `POST /:cohortId/groups` (a group with its
 * organisations and meetings), `PATCH …/groups/:groupId`, `POST …/invitations` (the first
 * facilitator's link, shown once) and `POST …/enter` (the lead is a processledare of the
 * group, with the group's session cookie, as after a join).
 */
export function createRoundGroupRoutes({
  leads,
  rounds,
  roundLead,
  groups,
  invitations,
  audit,
  rooms,
  logger,
  publicUrl,
  secureCookies,
}: RoundGroupRouteDeps) {
  const app = new Hono<AppEnv>()
  const thisRound = requireRoundLead(leads, { cohortParam: 'cohortId' })

  const groupOf = async (cohortId: string, groupId: string): Promise<RoundGroup> => {
    const group = await roundLead.view.group(cohortId, groupId)
    if (!group) throw apiError(404, 'not_found', 'groupId: no such group in this round.')
    return group
  }

  app.post('/:cohortId/groups', thisRound, async (c) => {
    const { cohortId } = readParams(c, roundParamsSchema)
    const round = await rounds.find(cohortId)
    if (!round) throw apiError(404, 'not_found', 'cohortId: no such round.')
    const input = await readJson(c, groupInputSchema)
    const groupId = await roundLead.groups.create(cohortId, input, planOf(round))
    await audit.record({
      groupId,
      cohortId,
      leadId: c.get('lead').id,
      kind: 'group.created',
      detail: { name: input.name, organisations: input.organisations.length },
    })
    return c.json(await groupOf(cohortId, groupId), 201)
  })

  app.patch('/:cohortId/groups/:groupId', thisRound, async (c) => {
    const { cohortId, groupId } = readParams(c, roundGroupParamsSchema)
    const patch = await readJson(c, groupPatchSchema)
    if (!(await roundLead.groups.update(cohortId, groupId, patch)))
      throw apiError(404, 'not_found', 'groupId: no such group in this round.')
    await audit.record({
      groupId,
      cohortId,
      leadId: c.get('lead').id,
      kind: 'group.updated',
      detail: { fields: Object.keys(patch) },
    })
    const group = await groupOf(cohortId, groupId)
    rooms.groupChanged(group.room, GroupPart.Meetings)
    return c.json(group)
  })

  app.post('/:cohortId/groups/:groupId/invitations', thisRound, async (c) => {
    const { cohortId, groupId } = readParams(c, roundGroupParamsSchema)
    await groupOf(cohortId, groupId)
    const request = await readJson(c, groupInvitationRequestSchema)
    const { organisationId } = request
    if (organisationId && !(await groups.isMember(groupId, organisationId)))
      throw apiError(
        400,
        'bad_request',
        'organisationId: that organisation is not a member of this group.',
      )
    const lead = c.get('lead')
    const days = request.days ?? 30
    const maxUses = request.maxUses ?? 1
    const expiresAt = new Date(Date.now() + days * DAY_MS)
    const created = await invitations.create({
      groupId,
      role: Role.Facilitator,
      expiresAt,
      maxUses,
      organisationId: organisationId ?? null,
      // createdBy names a member of the group; the label tells the facilitators who made it.
      label: `Omgångsledare: ${lead.displayName}`,
    })
    await audit.record({
      groupId,
      cohortId,
      leadId: lead.id,
      kind: 'invitation.created',
      detail: {
        invitationId: created.id,
        role: Role.Facilitator,
        days,
        maxUses,
        organisationId: organisationId ?? null,
      },
    })
    const body: InvitationResponse = {
      invite: created.token,
      url: joinLink(publicUrl, created.token),
      expiresAt: expiresAt.toISOString(),
    }
    return c.json(body, 201)
  })

  app.post('/:cohortId/groups/:groupId/enter', thisRound, async (c) => {
    const { cohortId, groupId } = readParams(c, roundGroupParamsSchema)
    const group = await groupOf(cohortId, groupId)
    const lead = c.get('lead')
    // The group session ends when the lead's does: a lead's rights never outlast it.
    const until = c.get('leadSession').expiresAt
    const entry = await roundLead.entry.enter(lead, groupId, until)
    await audit.record({
      groupId,
      cohortId,
      leadId: lead.id,
      participantId: entry.participantId,
      kind: 'lead.entered_group',
      detail: { firstTime: entry.firstTime },
    })
    setCookie(c, sessionCookieName(group.room), entry.token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: secureCookies,
      path: '/',
      maxAge: Math.max(0, Math.floor((until.getTime() - Date.now()) / 1000)),
    })
    logger.info('round lead entered group', {
      room: group.room,
      participant: entry.participantId,
      lead: lead.id,
    })
    const body: JoinResponse = {
      session: entry.token,
      room: group.room,
      role: Role.Facilitator,
      participantId: entry.participantId,
    }
    return c.json(body)
  })

  return app
}
