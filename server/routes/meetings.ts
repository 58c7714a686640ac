import { Hono } from 'hono'
import {
  meetingInputSchema,
  meetingOrderSchema,
  meetingPatchSchema,
  type MeetingListResponse,
  type MeetingPatch,
  type MeetingSummary,
} from '../../shared/api.ts'
import { GroupPart } from '../../shared/protocol/group-changed.ts'
import { requireSession } from '../auth/middleware.ts'
import type { Sessions } from '../auth/sessions.ts'
import type { Audit } from '../domain/audit.ts'
import type { Groups } from '../domain/groups.ts'
import type { MeetingStructure } from '../domain/meeting-structure.ts'
import { meetingChangeKind } from '../domain/meeting-changes.ts'
import type { Meetings } from '../domain/meetings.ts'
import type { AppEnv } from '../http/env.ts'
import { apiError, readJson } from '../http/errors.ts'
import type { Rooms } from '../relay/rooms.ts'

export interface MeetingRouteDeps {
  sessions: Sessions
  groups: Groups
  meetings: Meetings
  structure: MeetingStructure
  audit: Audit
  rooms: Pick<Rooms, 'groupChanged'>
}

const noSuchMeeting = () => apiError(404, 'not_found', 'meetingId: this group has no such meeting.')

/**
 * A group's meetings, for its facilitators: create (`POST …/meetings`, with its structure
 * in the group's Y.Doc), edit or move (`PATCH …/:meetingId`), archive and restore
 * (`POST …/:meetingId/archive`, `…/unarchive`), delete (`DELETE …/:meetingId`: the row is
 * marked, the content stays in the workspace and its history), bring a deleted one back
 * (`POST …/:meetingId/undelete`, the client's "Ångra" after a delete) and order (`PUT …/meetings/order`).
 * Each change is audited and told to every open page of the group, on every node.
 */
export function createMeetingRoutes({
  sessions,
  groups,
  meetings,
  structure,
  audit,
  rooms,
}: MeetingRouteDeps) {
  const app = new Hono<AppEnv>()
  const facilitator = requireSession(sessions, { facilitator: true })

  const checkHost = async (groupId: string, hostOrganisationId: string | null | undefined) => {
    if (!hostOrganisationId) return
    if (!(await groups.isMember(groupId, hostOrganisationId))) {
      throw apiError(
        400,
        'bad_request',
        'hostOrganisationId: the host organisation is not a member of this group.',
      )
    }
  }

  const changed = (room: string) => rooms.groupChanged(room, GroupPart.Meetings)

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
    changed(session.room)
    return c.json<MeetingSummary>(meeting, 201)
  })

  app.put('/:room/meetings/order', facilitator, async (c) => {
    const { meetingIds } = await readJson(c, meetingOrderSchema)
    const session = c.get('session')
    const reordered = await meetings.reorder(session.groupId, meetingIds)
    if (!reordered.ok)
      throw apiError(
        409,
        'conflict',
        'meetingIds: not the group’s meetings as they are now (one was added or deleted meanwhile); read them again.',
      )
    await audit.record({
      groupId: session.groupId,
      participantId: session.participant.id,
      kind: 'meeting.moved',
      detail: { order: meetingIds, previous: reordered.previous },
    })
    changed(session.room)
    return c.json<MeetingListResponse>({ meetings: reordered.meetings })
  })

  app.patch('/:room/meetings/:meetingId', facilitator, async (c) => {
    const patch: MeetingPatch = await readJson(c, meetingPatchSchema)
    const session = c.get('session')
    const meetingId = c.req.param('meetingId')
    const before = await meetings.find(session.groupId, meetingId)
    if (!before) throw noSuchMeeting()
    await checkHost(session.groupId, patch.hostOrganisationId)
    const meeting = await meetings.update(session.groupId, meetingId, patch)
    if (!meeting) throw noSuchMeeting()
    await audit.record({
      groupId: session.groupId,
      participantId: session.participant.id,
      ...meetingChangeKind(before, meeting, patch),
    })
    changed(session.room)
    return c.json<MeetingSummary>(meeting)
  })

  for (const [action, archived] of [
    ['archive', true],
    ['unarchive', false],
  ] as const) {
    app.post(`/:room/meetings/:meetingId/${action}`, facilitator, async (c) => {
      const session = c.get('session')
      const meetingId = c.req.param('meetingId')
      const meeting = await meetings.setArchived(session.groupId, meetingId, archived)
      if (!meeting) throw noSuchMeeting()
      await audit.record({
        groupId: session.groupId,
        participantId: session.participant.id,
        kind: archived ? 'meeting.archived' : 'meeting.unarchived',
        detail: { meetingId },
      })
      changed(session.room)
      return c.json<MeetingSummary>(meeting)
    })
  }

  app.delete('/:room/meetings/:meetingId', facilitator, async (c) => {
    const session = c.get('session')
    const meetingId = c.req.param('meetingId')
    const meeting = await meetings.remove(session.groupId, meetingId)
    if (!meeting) throw noSuchMeeting()
    await audit.record({
      groupId: session.groupId,
      participantId: session.participant.id,
      kind: 'meeting.deleted',
      detail: {
        meetingId,
        kind: meeting.kind,
        title: meeting.title,
        date: meeting.date,
        sequence: meeting.sequence,
      },
    })
    changed(session.room)
    return c.json({ id: meetingId, deleted: true })
  })

  // Only a deleted meeting of the caller's group comes back: every other id is a 404, so the
  // route tells nothing about meetings elsewhere.
  app.post('/:room/meetings/:meetingId/undelete', facilitator, async (c) => {
    const session = c.get('session')
    const meetingId = c.req.param('meetingId')
    const meeting = await meetings.undelete(session.groupId, meetingId)
    if (!meeting)
      throw apiError(404, 'not_found', 'meetingId: this group has no such deleted meeting.')
    await audit.record({
      groupId: session.groupId,
      participantId: session.participant.id,
      kind: 'meeting.restored',
      detail: { meetingId, kind: meeting.kind, title: meeting.title, sequence: meeting.sequence },
    })
    changed(session.room)
    return c.json<MeetingSummary>(meeting)
  })

  return app
}
