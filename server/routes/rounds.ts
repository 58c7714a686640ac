import { Hono } from 'hono'
import {
  roundCopyInputSchema,
  roundInputSchema,
  roundParamsSchema,
  roundPatchSchema,
  type RoundDetail,
  type RoundsResponse,
} from '../../shared/rounds-api.ts'
import { requireRoundLead } from '../auth/lead-middleware.ts'
import type { RoundLeads } from '../auth/round-leads.ts'
import type { Audit } from '../domain/audit.ts'
import type { RoundLeadServices } from '../domain/round-lead-services.ts'
import type { Rounds } from '../domain/rounds.ts'
import type { AppEnv } from '../http/env.ts'
import { apiError, readJson, readParams } from '../http/errors.ts'

export interface RoundRouteDeps {
  leads: RoundLeads
  rounds: Rounds
  roundLead: Pick<RoundLeadServices, 'view' | 'copy'>
  audit: Pick<Audit, 'record'>
}

/**
 * The rounds, for round leads (omgångsledare). `GET /api/rounds`: those the lead may see;
 * `POST`: a new round and `POST /:cohortId/copy`: the next round from one's structure (leads
 * over every round only); `GET`/`PATCH /:cohortId`: one round with its groups. A lead of
 * one round gets 403 on every other round's routes.
 */
export function createRoundRoutes({ leads, rounds, roundLead, audit }: RoundRouteDeps) {
  const app = new Hono<AppEnv>()
  const anyLead = requireRoundLead(leads)
  const allRounds = requireRoundLead(leads, { allRounds: true })
  const thisRound = requireRoundLead(leads, { cohortParam: 'cohortId' })
  const allRoundsFor = requireRoundLead(leads, { allRounds: true, cohortParam: 'cohortId' })

  const detailOf = async (cohortId: string): Promise<RoundDetail> => {
    const detail = await roundLead.view.detail(cohortId)
    if (!detail) throw apiError(404, 'not_found', 'cohortId: no such round.')
    return detail
  }

  app.get('/', anyLead, async (c) => {
    const lead = c.get('lead')
    const body: RoundsResponse = { rounds: await roundLead.view.list(lead.cohortId), lead }
    return c.json(body)
  })

  app.post('/', allRounds, async (c) => {
    const input = await readJson(c, roundInputSchema)
    const cohortId = await rounds.create(input)
    await audit.record({
      groupId: null,
      cohortId,
      leadId: c.get('lead').id,
      kind: 'round.created',
      detail: { name: input.name, track: input.track, checklistVersion: input.checklistVersion },
    })
    return c.json(await detailOf(cohortId), 201)
  })

  app.get('/:cohortId', thisRound, async (c) => {
    const { cohortId } = readParams(c, roundParamsSchema)
    return c.json(await detailOf(cohortId))
  })

  app.patch('/:cohortId', thisRound, async (c) => {
    const { cohortId } = readParams(c, roundParamsSchema)
    const patch = await readJson(c, roundPatchSchema)
    if (!(await rounds.update(cohortId, patch)))
      throw apiError(404, 'not_found', 'cohortId: no such round.')
    await audit.record({
      groupId: null,
      cohortId,
      leadId: c.get('lead').id,
      kind: 'round.updated',
      detail: { fields: Object.keys(patch) },
    })
    return c.json(await detailOf(cohortId))
  })

  app.post('/:cohortId/copy', allRoundsFor, async (c) => {
    const { cohortId } = readParams(c, roundParamsSchema)
    const input = await readJson(c, roundCopyInputSchema)
    const created = await roundLead.copy.copy(cohortId, input)
    if (!created) throw apiError(404, 'not_found', 'cohortId: no such round.')
    await audit.record({
      groupId: null,
      cohortId: created,
      leadId: c.get('lead').id,
      kind: 'round.copied',
      detail: {
        from: cohortId,
        name: input.name,
        mentorOrganisationIds: input.mentorOrganisationIds ?? [],
      },
    })
    return c.json(await detailOf(created), 201)
  })

  return app
}
