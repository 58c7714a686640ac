import { and, eq, isNull, ne } from 'drizzle-orm'
import * as Y from 'yjs'
import type { Database } from '../../db/client.ts'
import { cohorts, groupOrganisations, groups, meetings, participants } from '../../db/schema.ts'
import type { BackupImportResponse, GroupBackup } from '../../shared/exports/backup.ts'
import { Role } from '../../shared/roles.ts'
import { readAgenda } from '../../shared/workspace/agenda.ts'
import {
  checklistCommentsOf,
  checklistScoresOf,
  meetingsOf,
  pdsaPlansOf,
} from '../../shared/workspace/document.ts'
import { answersOf } from '../../shared/workspace/matrix.ts'
import { loadDoc, type DocWriter } from '../domain/doc-writer.ts'
import type { DocStore } from '../storage/doc-store.ts'
import {
  BackupRefused,
  backupRowStatements,
  organisationsToMake,
  restoredCounts,
  takenRowIds,
} from './backup-rows.ts'
import type { ExportRunner } from './export-runner.ts'

export interface GroupImportDeps {
  db: Database
  store: DocStore
  runner: ExportRunner
  maxDocumentBytes: number
}

/**
 * What members wrote in a workspace beyond the structure the server made (meetings,
 * organisations' columns, default agenda and questions): a score, a comment, a plan, a
 * matrix answer, an agenda item ticked. Null when there is none.
 */
function memberContentIn(doc: Y.Doc): string | null {
  if (pdsaPlansOf(doc).size > 0) return 'PDSA plans'
  if (checklistScoresOf(doc).size > 0) return 'checklist scores'
  for (const comment of checklistCommentsOf(doc).values())
    if (comment instanceof Y.Text && comment.length > 0) return 'checklist comments'
  for (const [meetingId, meeting] of meetingsOf(doc)) {
    for (const answer of answersOf(meeting)?.values() ?? [])
      if (answer instanceof Y.Text && answer.length > 0) return 'matrix answers'
    if (readAgenda(doc, meetingId).some((item) => item.done)) return 'agenda items done'
  }
  return null
}

/**
 * A backup restored into an existing group that is still empty (issue 13): set up by the
 * round lead (organisations, meetings, first facilitators) but nothing written in its
 * workspace and nobody in it but facilitators and round leads. The group keeps its id,
 * name and room; the backup's organisations, meetings, people, withdrawn invitations and
 * attendance become its rows (the group's own planned meetings, empty, are deleted), and
 * the backup's workspace is merged into the live room as a change every connected member
 * sees at once (their local copies merge, nothing is rewritten).
 */
export function createGroupImport({ db, store, runner, maxDocumentBytes }: GroupImportDeps) {
  async function refuseUnlessEmpty(groupId: string, room: string): Promise<void> {
    const [member] = await db
      .select({ id: participants.id })
      .from(participants)
      .where(
        and(
          eq(participants.groupId, groupId),
          ne(participants.role, Role.Facilitator),
          isNull(participants.leadId),
        ),
      )
      .limit(1)
    if (member)
      throw new BackupRefused(
        409,
        'conflict',
        'groupId: the group has members besides its facilitators; import into an empty group or a new one.',
      )
    const doc = await loadDoc(store, room)
    const content = memberContentIn(doc)
    doc.destroy()
    if (content)
      throw new BackupRefused(
        409,
        'conflict',
        `groupId: the group's workspace has ${content}; import into an empty group or a new one.`,
      )
  }

  return async function importIntoGroup(
    cohortId: string,
    groupId: string,
    backup: GroupBackup,
    writer: DocWriter,
    now = new Date(),
  ): Promise<BackupImportResponse> {
    const [row] = await db
      .select({ group: groups, cohort: cohorts })
      .from(groups)
      .innerJoin(cohorts, eq(cohorts.id, groups.cohortId))
      .where(and(eq(groups.id, groupId), eq(groups.cohortId, cohortId)))
    if (!row) throw new BackupRefused(404, 'not_found', 'groupId: no such group in this round.')
    const { group, cohort } = row
    if (cohort.checklistVersion !== backup.round.checklistVersion)
      throw new BackupRefused(
        409,
        'conflict',
        `round.checklistVersion: the backup scores ${backup.round.checklistVersion}, this round ${cohort.checklistVersion}.`,
      )
    const state = new Uint8Array(Buffer.from(backup.workspace.state, 'base64'))
    if (state.byteLength > maxDocumentBytes)
      throw new BackupRefused(
        413,
        'payload_too_large',
        'workspace.state: larger than MAX_DOCUMENT_BYTES.',
      )
    await refuseUnlessEmpty(group.id, group.room)
    const taken = await takenRowIds(db, backup)
    if (taken)
      throw new BackupRefused(
        409,
        'conflict',
        `${taken}: already in this database (the backup's group exists here).`,
      )
    await runner.run({ kind: 'verify', updates: [state] }).catch((error: unknown) => {
      throw new BackupRefused(422, 'bad_request', `workspace.state: ${String(error)}`)
    })
    const newOrganisations = await organisationsToMake(db, backup)
    const [first, ...rest] = [
      // The group's own planned meetings had nothing in them: deleted (kept as rows, as the
      // group's own delete does), the backup's take their place.
      db
        .update(meetings)
        .set({ deletedAt: now })
        .where(and(eq(meetings.groupId, group.id), isNull(meetings.deletedAt))),
      db.delete(groupOrganisations).where(eq(groupOrganisations.groupId, group.id)),
      ...backupRowStatements(db, backup, group.id, newOrganisations, now),
    ]
    await db.batch([first, ...rest])
    // Through the live room: whoever has the group open sees it arrive.
    await writer.change(group.room, (doc) => Y.applyUpdate(doc, state))
    return {
      group: { id: group.id, name: group.name, room: group.room },
      counts: restoredCounts(backup, state.byteLength),
    }
  }
}
