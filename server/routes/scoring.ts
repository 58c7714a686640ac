import { Hono } from 'hono'
import * as Y from 'yjs'
import { checklistPhaseFor, type ChecklistPhase } from '../../shared/domain/checklist.ts'
import { getChecklistVersion } from '../../shared/domain/checklist-versions.ts'
import { Role } from '../../shared/roles.ts'
import {
  sealedDoneInputSchema,
  sealedScoreInputSchema,
  type ScoringRoundResponse,
} from '../../shared/scoring-api.ts'
import {
  checklistCommentsOf,
  checklistKey,
  setChecklistScore,
  setMeetingControl,
} from '../../shared/workspace/index.ts'
import { requireSession } from '../auth/middleware.ts'
import type { ActiveSession, Sessions } from '../auth/sessions.ts'
import type { Audit } from '../domain/audit.ts'
import type { DocWriter } from '../domain/doc-writer.ts'
import type { Groups } from '../domain/groups.ts'
import type { Meetings } from '../domain/meetings.ts'
import type { Scoring, ScoringRoundRow } from '../domain/scoring.ts'
import type { AppEnv } from '../http/env.ts'
import { apiError, readJson } from '../http/errors.ts'

export interface ScoringRouteDeps {
  sessions: Sessions
  groups: Groups
  meetings: Meetings
  scoring: Scoring
  writer: DocWriter
  audit: Audit
}

/** Facilitators read every organisation's sealed scores; members their own organisation's. */
const mayRead = (session: ActiveSession, organisationId: string): boolean =>
  session.role === Role.Facilitator || session.participant.organisationId === organisationId

const mayScore = (session: ActiveSession, organisationId: string): boolean =>
  session.role !== Role.Viewer && mayRead(session, organisationId)

/**
 * Sealed checklist scoring (issue: scores anchor on whoever scores first). A facilitator
 * opens a round for a meeting; each organisation scores where the others cannot read it
 * (not in the shared workspace, which the relay keeps them from writing meanwhile); the
 * facilitator reveals all at once, written into the workspace as one change.
 * `POST /api/rooms/:room/meetings/:meetingId/scoring` (open), `GET …/scoring/:roundId`,
 * `PUT …/scoring/:roundId/scores`, `PUT …/scoring/:roundId/done`, `POST …/scoring/:roundId/reveal`.
 */
export function createScoringRoutes(deps: ScoringRouteDeps) {
  const { sessions, groups, meetings, scoring, writer, audit } = deps
  const app = new Hono<AppEnv>()
  const member = requireSession(sessions)
  const facilitator = requireSession(sessions, { facilitator: true })

  async function roundOf(session: ActiveSession, roundId: string): Promise<ScoringRoundRow> {
    const round = await scoring.find(session.groupId, roundId)
    if (!round) throw apiError(404, 'not_found', 'This group has no such scoring round.')
    return round
  }

  async function respond(session: ActiveSession, round: ScoringRoundRow) {
    const [organisations, scores, done] = await Promise.all([
      groups.organisationsOf(session.groupId),
      scoring.scoresOf(round.id),
      scoring.doneOf(round.id),
    ])
    const body: ScoringRoundResponse = {
      roundId: round.id,
      meetingId: round.meetingId,
      phase: round.phase,
      state: round.state,
      organisations: organisations.map((organisation) => ({
        organisationId: organisation.id,
        scored: [...(scores.get(organisation.id)?.values() ?? [])].filter((s) => s.score !== null)
          .length,
        done: done.has(organisation.id),
      })),
      scores: {},
    }
    for (const [organisationId, items] of scores) {
      if (mayRead(session, organisationId)) body.scores[organisationId] = Object.fromEntries(items)
    }
    return body
  }

  const requireOpen = (round: ScoringRoundRow) => {
    if (round.state !== 'open')
      throw apiError(409, 'conflict', 'The scores of this round are revealed already.')
  }

  /** An open round this session may score in for the organisation. */
  async function openRoundFor(session: ActiveSession, roundId: string, organisationId: string) {
    const round = await roundOf(session, roundId)
    requireOpen(round)
    if (!mayScore(session, organisationId))
      throw apiError(403, 'forbidden', "Only the organisation's own members score for it.")
    return round
  }

  app.post('/:room/meetings/:meetingId/scoring', facilitator, async (c) => {
    const session = c.get('session')
    const meeting = await meetings.find(session.groupId, c.req.param('meetingId'))
    if (!meeting) throw apiError(404, 'not_found', 'This group has no such meeting.')
    const phase = checklistPhaseFor(meeting.kind)
    if (!phase) throw apiError(400, 'bad_request', 'The checklist is not scored at this meeting.')
    const round = await scoring.open({
      groupId: session.groupId,
      meetingId: meeting.id,
      phase,
      openedBy: session.participant.id,
    })
    await writer.change(session.room, (doc) =>
      setMeetingControl(doc, meeting.id, {
        scoring: { roundId: round.id, state: 'open', openedAt: round.createdAt.getTime() },
      }),
    )
    await audit.record({
      groupId: session.groupId,
      participantId: session.participant.id,
      kind: 'scoring.opened',
      detail: { meetingId: meeting.id, roundId: round.id },
    })
    return c.json(await respond(session, round), 201)
  })

  app.get('/:room/scoring/:roundId', member, async (c) => {
    const session = c.get('session')
    return c.json(await respond(session, await roundOf(session, c.req.param('roundId'))))
  })

  app.put('/:room/scoring/:roundId/scores', member, async (c) => {
    const session = c.get('session')
    const input = await readJson(c, sealedScoreInputSchema)
    const round = await openRoundFor(session, c.req.param('roundId'), input.organisationId)
    if (!(await groups.isMember(session.groupId, input.organisationId)))
      throw apiError(400, 'bad_request', 'The organisation is not a member of this group.')
    const context = await groups.context(session.groupId)
    const version = getChecklistVersion(context?.cohort.checklistVersion ?? '')
    if (!version.items.some((item) => item.id === input.itemId))
      throw apiError(400, 'bad_request', 'No such item in the checklist.')
    await scoring.setScore(round.id, input, session.participant.id)
    return c.json(await respond(session, round))
  })

  app.put('/:room/scoring/:roundId/done', member, async (c) => {
    const session = c.get('session')
    const input = await readJson(c, sealedDoneInputSchema)
    const round = await openRoundFor(session, c.req.param('roundId'), input.organisationId)
    await scoring.setDone(round.id, input.organisationId, input.done)
    return c.json(await respond(session, round))
  })

  app.post('/:room/scoring/:roundId/reveal', facilitator, async (c) => {
    const session = c.get('session')
    const round = await roundOf(session, c.req.param('roundId'))
    requireOpen(round)
    const scores = await scoring.scoresOf(round.id)
    // One change: every organisation's scores appear for everyone at the same moment.
    await writer.change(session.room, (doc) => {
      for (const [organisationId, items] of scores) {
        for (const [itemId, sealed] of items) {
          const phase = round.phase as ChecklistPhase
          setChecklistScore(doc, organisationId, phase, itemId, sealed.score)
          if (!sealed.comment) continue
          const key = checklistKey(organisationId, phase, itemId)
          let comment = checklistCommentsOf(doc).get(key)
          if (!(comment instanceof Y.Text)) {
            comment = new Y.Text()
            checklistCommentsOf(doc).set(key, comment)
          }
          comment.delete(0, comment.length)
          comment.insert(0, sealed.comment)
        }
      }
      setMeetingControl(doc, round.meetingId, {
        scoring: { roundId: round.id, state: 'revealed', openedAt: round.createdAt.getTime() },
      })
    })
    await scoring.markRevealed(round.id)
    await audit.record({
      groupId: session.groupId,
      participantId: session.participant.id,
      kind: 'scoring.revealed',
      detail: { meetingId: round.meetingId, roundId: round.id },
    })
    return c.json(await respond(session, { ...round, state: 'revealed' }))
  })

  return app
}
