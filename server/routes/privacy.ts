import type { Context } from 'hono'
import { Hono } from 'hono'
import type { ZodType } from 'zod'
import {
  auditQuerySchema,
  retentionRequestSchema,
  roundParticipantParamsSchema,
  type AuditResponse,
  type EraseResponse,
} from '../../shared/privacy-api.ts'
import { roundGroupParamsSchema, roundParamsSchema } from '../../shared/rounds-api.ts'
import { requireRoundLead } from '../auth/lead-middleware.ts'
import type { RoundLeads } from '../auth/round-leads.ts'
import type { Audit } from '../domain/audit.ts'
import type { Privacy } from '../domain/privacy/privacy.ts'
import type { AppEnv } from '../http/env.ts'
import { apiError, readJson, readParams } from '../http/errors.ts'
import type { Logger } from '../log.ts'

export interface PrivacyRouteDeps {
  leads: RoundLeads
  privacy: Privacy
  audit: Pick<Audit, 'record'>
  logger: Logger
}

/** A query string read by a schema at the edge: a bad value is a 400 naming the field. */
function readQuery<T>(c: Context, schema: ZodType<T>): T {
  const parsed = schema.safeParse(c.req.query())
  if (parsed.success) return parsed.data
  const [first] = parsed.error.issues
  throw apiError(
    400,
    'bad_request',
    first ? `${first.path.join('.')}: ${first.message}` : 'The query is not valid.',
    parsed.error.issues,
  )
}

/** A JSON file to save, named so the round lead can tell the downloads apart. */
const download = (c: Context, body: unknown, filename: string): Response => {
  c.header('content-disposition', `attachment; filename="${filename}"`)
  c.header('cache-control', 'no-store')
  return c.json(body)
}

const day = (date: Date) => date.toISOString().slice(0, 10)

/**
 * Personal data in a round and its audit log, for the round's lead (omgångsledare), under
 * `/api/rounds/:cohortId`: `GET audit` (paged, newest first), `GET groups/:groupId/people`,
 * `GET groups/:groupId/export.json`, `GET participants/:participantId`, `GET
 * participants/:participantId/export.json`, `POST participants/:participantId/erase`,
 * `GET`/`PATCH retention`, `POST close`. A group or person of another round is 404.
 * Exports and erasures are audited (`group.exported`, `person.exported`, `person.erased`).
 */
export function createPrivacyRoutes({ leads, privacy, audit, logger }: PrivacyRouteDeps) {
  const app = new Hono<AppEnv>()
  const lead = requireRoundLead(leads, { cohortParam: 'cohortId' })

  const roundOf = async (c: Context<AppEnv>): Promise<string> => {
    const { cohortId } = readParams(c, roundParamsSchema)
    if (!(await privacy.retention.get(cohortId)))
      throw apiError(404, 'not_found', 'cohortId: no such round.')
    return cohortId
  }

  app.get('/:cohortId/audit', lead, async (c) => {
    const cohortId = await roundOf(c)
    const query = readQuery(c, auditQuerySchema)
    const body: AuditResponse | null = await privacy.readAudit(cohortId, query)
    if (!body) throw apiError(404, 'not_found', 'groupId: no such group in this round.')
    return c.json(body)
  })

  app.get('/:cohortId/groups/:groupId/people', lead, async (c) => {
    const { cohortId, groupId } = readParams(c, roundGroupParamsSchema)
    const body = await privacy.people.ofGroup(cohortId, groupId)
    if (!body) throw apiError(404, 'not_found', 'groupId: no such group in this round.')
    return c.json(body)
  })

  app.get('/:cohortId/groups/:groupId/export.json', lead, async (c) => {
    const { cohortId, groupId } = readParams(c, roundGroupParamsSchema)
    const body = await privacy.exportGroup(cohortId, groupId)
    if (!body) throw apiError(404, 'not_found', 'groupId: no such group in this round.')
    await audit.record({
      groupId,
      cohortId,
      leadId: c.get('lead').id,
      kind: 'group.exported',
      detail: { participants: body.participants.length },
    })
    return download(c, body, `grupp-${body.group.room}-${day(new Date())}.json`)
  })

  app.get('/:cohortId/participants/:participantId', lead, async (c) => {
    const { cohortId, participantId } = readParams(c, roundParticipantParamsSchema)
    const body = await privacy.people.person(cohortId, participantId)
    if (!body) throw apiError(404, 'not_found', 'participantId: no such person in this round.')
    return c.json(body)
  })

  app.get('/:cohortId/participants/:participantId/export.json', lead, async (c) => {
    const { cohortId, participantId } = readParams(c, roundParticipantParamsSchema)
    const body = await privacy.exportPerson(cohortId, participantId)
    if (!body) throw apiError(404, 'not_found', 'participantId: no such person in this round.')
    await audit.record({
      groupId: body.participant.group.id,
      cohortId,
      leadId: c.get('lead').id,
      kind: 'person.exported',
      detail: { member: participantId },
    })
    return download(c, body, `person-${participantId}-${day(new Date())}.json`)
  })

  app.post('/:cohortId/participants/:participantId/erase', lead, async (c) => {
    const { cohortId, participantId } = readParams(c, roundParticipantParamsSchema)
    const erased = await privacy.erase(cohortId, participantId)
    if (!erased) throw apiError(404, 'not_found', 'participantId: no such person in this round.')
    if (erased.changed) {
      await audit.record({
        groupId: erased.groupId,
        cohortId,
        leadId: c.get('lead').id,
        kind: 'person.erased',
        detail: { member: participantId, sessionsEnded: erased.sessionsEnded },
      })
      logger.info('person erased', {
        room: erased.room,
        participant: participantId,
        lead: c.get('lead').id,
        sessions: erased.sessionsEnded,
      })
    }
    const body: EraseResponse = {
      id: participantId,
      erasedAt: erased.erasedAt.toISOString(),
      sessionsEnded: erased.sessionsEnded,
    }
    return c.json(body)
  })

  app.get('/:cohortId/retention', lead, async (c) => {
    const cohortId = await roundOf(c)
    return c.json((await privacy.retention.get(cohortId))!)
  })

  app.patch('/:cohortId/retention', lead, async (c) => {
    const cohortId = await roundOf(c)
    const { retentionDays } = await readJson(c, retentionRequestSchema)
    const retention = await privacy.retention.setDays(cohortId, retentionDays)
    if (!retention) throw apiError(404, 'not_found', 'cohortId: no such round.')
    await audit.record({
      groupId: null,
      cohortId,
      leadId: c.get('lead').id,
      kind: 'round.updated',
      detail: { fields: ['retentionDays'], retentionDays },
    })
    return c.json(retention)
  })

  app.post('/:cohortId/close', lead, async (c) => {
    const cohortId = await roundOf(c)
    const closed = await privacy.retention.close(cohortId)
    if (!closed) throw apiError(404, 'not_found', 'cohortId: no such round.')
    if (!closed.changed) throw apiError(409, 'conflict', 'cohortId: the round is already closed.')
    await audit.record({
      groupId: null,
      cohortId,
      leadId: c.get('lead').id,
      kind: 'round.closed',
      detail: { retentionDays: closed.retention.retentionDays },
    })
    return c.json(closed.retention)
  })

  return app
}
