import { Hono } from 'hono'
import {
  meetingInputSchema,
  meetingPatchSchema,
  type MeetingPatch,
  type MeetingSummary,
} from '../../shared/api.ts'
import { requireSession } from '../auth/middleware.ts'
import type { Sessions } from '../auth/sessions.ts'
import type { Audit } from '../domain/audit.ts'
import type { Groups } from '../domain/groups.ts'
import type { MeetingStructure } from '../domain/meeting-structure.ts'
import type { Meetings } from '../domain/meetings.ts'
import type { AppEnv } from '../http/env.ts'
import { apiError, readJson } from '../http/errors.ts'

export interface MeetingRouteDeps {
  sessions: Sessions
  groups: Groups
  meetings: Meetings
  structure: MeetingStructure
  audit: Audit
}

/**
 * `POST /api/rooms/:room/meetings` and `PATCH /api/rooms/:room/meetings/:meetingId`
 * (facilitators): the meeting row, and on creation its structure in the group's Y.Doc.
 */
export function createMeetingRoutes({
  sessions,
  groups,
  meetings,
  structure,
  audit,
}: MeetingRouteDeps) {
  const app = new Hono<AppEnv>()
  const facilitator = requireSession(sessions, { facilitator: true })

  const checkHost = async (groupId: string, hostOrganisationId: string | null | undefined) => {
    if (!hostOrganisationId) return
    if (!(await groups.isMember(groupId, hostOrganisationId))) {
      throw apiError(400, 'bad_request', 'The host organisation is not a member of this group.')
    }
  }

  app.post('/:room/meetings', facilitator, async (c) => {
    const input = await readJson(c, meetingInputSchema)
    const session = c.get('session')
    await checkHost(session.groupId, input.hostOrganisationId)
    const meeting = await meetings.create(session.groupId, input)
    await structure.initialise(session.groupId, meeting)
    await audit.record({
      groupId: session.groupId,
      participantId: session.participant.id,
      kind: 'meeting.created',
      detail: { meetingId: meeting.id, kind: meeting.kind, sequence: meeting.sequence },
    })
    return c.json<MeetingSummary>(meeting, 201)
  })

  app.patch('/:room/meetings/:meetingId', facilitator, async (c) => {
    const patch: MeetingPatch = await readJson(c, meetingPatchSchema)
    const session = c.get('session')
    const meetingId = c.req.param('meetingId')
    await checkHost(session.groupId, patch.hostOrganisationId)
    const meeting = await meetings.update(session.groupId, meetingId, patch)
    if (!meeting) throw apiError(404, 'not_found', 'This group has no such meeting.')
    await audit.record({
      groupId: session.groupId,
      participantId: session.participant.id,
      kind: 'meeting.updated',
      detail: { meetingId, fields: Object.keys(patch) },
    })
    return c.json<MeetingSummary>(meeting)
  })

  return app
}
