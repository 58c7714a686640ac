import { Hono } from 'hono'
import { requireSession } from '../auth/middleware.ts'
import type { Sessions } from '../auth/sessions.ts'
import type { Audit } from '../domain/audit.ts'
import type { Groups } from '../domain/groups.ts'
import type { ExportServices } from '../exports/index.ts'
import type { AppEnv } from '../http/env.ts'
import { apiError } from '../http/errors.ts'
import { download, exportLocale } from './download.ts'

export interface ExportRouteDeps {
  sessions: Sessions
  groups: Groups
  audit: Audit
  exports: ExportServices
}

/** `<meetingId>.docx`: the meeting's id as the path names it. */
const minutesFile = /^([A-Za-z0-9_-]{1,100})\.docx$/

/**
 * A group's exports (issue 13), each read with the requester's session (401 without one,
 * 403 for another group's):
 * - `GET /api/rooms/:room/export/minutes/:meetingId.docx?lang=sv|en`: every member,
 *   viewers too (they see the board the minutes are made of);
 * - `GET /api/rooms/:room/export/checklist.xlsx?lang=sv|en`: every member, likewise;
 * - `GET /api/rooms/:room/export/backup.json`: facilitators only, since it holds every
 *   member's name, function and the days they were connected (the members page is theirs
 *   for the same reason); audited as `group.backup_exported`.
 */
export function createExportRoutes({ sessions, groups, audit, exports }: ExportRouteDeps) {
  const app = new Hono<AppEnv>()
  const member = requireSession(sessions)
  const facilitator = requireSession(sessions, { facilitator: true })

  app.get('/:room/export/minutes/:file', member, async (c) => {
    const session = c.get('session')
    const meetingId = minutesFile.exec(c.req.param('file'))?.[1]
    if (!meetingId) throw apiError(404, 'not_found', 'meetingId: ask for <meetingId>.docx.')
    const lang = exportLocale(c)
    // Read and built in the export worker: this thread sends the ids and gets the file.
    const file = await exports.runner.run({
      kind: 'minutes',
      groupId: session.groupId,
      meetingId,
      lang,
    })
    if (!file) throw apiError(404, 'not_found', 'meetingId: this group has no such meeting.')
    return download(c, file.bytes, file.fileName, 'docx')
  })

  app.get('/:room/export/checklist.xlsx', member, async (c) => {
    const session = c.get('session')
    const file = await exports.runner.run({
      kind: 'checklist',
      groupIds: [session.groupId],
      title: null,
      lang: exportLocale(c),
    })
    if (!file) throw apiError(404, 'not_found', 'This group no longer exists.')
    return download(c, file.bytes, file.fileName, 'xlsx')
  })

  app.get('/:room/export/backup.json', facilitator, async (c) => {
    const session = c.get('session')
    const backup = await exports.backups.exportGroup(session.groupId)
    const context = await groups.context(session.groupId)
    if (!backup || !context) throw apiError(404, 'not_found', 'This group no longer exists.')
    await audit.record({
      groupId: session.groupId,
      participantId: session.participant.id,
      cohortId: context.cohort.id,
      kind: 'group.backup_exported',
      detail: { meetings: backup.meetings.length, participants: backup.participants.length },
    })
    const day = backup.exportedAt.slice(0, 10)
    return download(
      c,
      JSON.stringify(backup),
      `Modellrummet ${backup.group.name} ${day}.json`,
      'json',
    )
  })

  return app
}
