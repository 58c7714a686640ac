import { and, asc, eq, or } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import {
  attendance,
  cohorts,
  groupOrganisations,
  groups,
  invitations,
  meetings,
  organisations,
  participants,
} from '../../db/schema.ts'
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupImportResponse,
  type GroupBackup,
} from '../../shared/exports/backup.ts'
import type { DocStore } from '../storage/doc-store.ts'
import {
  BackupRefused,
  backupRowStatements,
  organisationsToMake,
  restoredCounts,
  takenRowIds,
} from './backup-rows.ts'
import type { ExportRunner } from './export-runner.ts'

export interface BackupDeps {
  db: Database
  store: DocStore
  runner: ExportRunner
  maxDocumentBytes: number
}

const iso = (date: Date | null): string | null => date?.toISOString() ?? null
const isoNow = (date: Date): string => date.toISOString()

/** A group's backup and its restore (shared/exports/backup.ts says what is in it and why). */
export function createBackups({ db, store, runner, maxDocumentBytes }: BackupDeps) {
  /** The group's backup; null when there is no such group. */
  async function exportGroup(groupId: string, now = new Date()): Promise<GroupBackup | null> {
    const [row] = await db
      .select({ group: groups, cohort: cohorts })
      .from(groups)
      .innerJoin(cohorts, eq(cohorts.id, groups.cohortId))
      .where(eq(groups.id, groupId))
    if (!row) return null
    const [orgRows, meetingRows, people, invitationRows, seen, workspace] = await Promise.all([
      db
        .select({ org: organisations, member: groupOrganisations })
        .from(groupOrganisations)
        .innerJoin(organisations, eq(organisations.id, groupOrganisations.organisationId))
        .where(eq(groupOrganisations.groupId, groupId))
        .orderBy(asc(groupOrganisations.position)),
      db
        .select()
        .from(meetings)
        .where(eq(meetings.groupId, groupId))
        .orderBy(asc(meetings.sequence)),
      db
        .select()
        .from(participants)
        .where(eq(participants.groupId, groupId))
        .orderBy(asc(participants.createdAt), asc(participants.id)),
      db
        .select()
        .from(invitations)
        .where(eq(invitations.groupId, groupId))
        .orderBy(asc(invitations.createdAt), asc(invitations.id)),
      db
        .select()
        .from(attendance)
        .where(eq(attendance.groupId, groupId))
        .orderBy(asc(attendance.day), asc(attendance.participantId)),
      // Read and folded in the worker: the relay's thread never holds the stored log.
      runner.run({ kind: 'state', room: row.group.room }),
    ])
    const state = workspace?.bytes ?? new Uint8Array(0)
    // Each row is written out field by field: a column added to a table (a token's hash)
    // never reaches a backup by itself.
    return {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      exportedAt: isoNow(now),
      group: { id: row.group.id, name: row.group.name, room: row.group.room },
      round: {
        id: row.cohort.id,
        name: row.cohort.name,
        checklistVersion: row.cohort.checklistVersion,
      },
      organisations: orgRows.map(({ org, member }) => ({
        id: org.id,
        name: org.name,
        kind: org.kind,
        municipalityCode: org.municipalityCode,
        memberRole: member.role,
        position: member.position,
      })),
      meetings: meetingRows.map((m) => ({
        id: m.id,
        kind: m.kind,
        title: m.title,
        sequence: m.sequence,
        date: m.date,
        startTime: m.startTime,
        durationMinutes: m.durationMinutes,
        hostOrganisationId: m.hostOrganisationId,
        place: m.place,
        videoLink: m.videoLink,
        createdAt: isoNow(m.createdAt),
        archivedAt: iso(m.archivedAt),
        deletedAt: iso(m.deletedAt),
      })),
      participants: people.map((p) => ({
        id: p.id,
        displayName: p.displayName,
        organisationId: p.organisationId,
        function: p.function,
        role: p.role,
        invitationId: p.invitationId,
        joinedAt: isoNow(p.createdAt),
        lastSeenAt: iso(p.lastSeenAt),
        removedAt: iso(p.removedAt),
        erasedAt: iso(p.erasedAt),
      })),
      invitations: invitationRows.map((i) => ({
        id: i.id,
        role: i.role,
        label: i.label,
        organisationId: i.organisationId,
        createdBy: i.createdBy,
        createdAt: isoNow(i.createdAt),
        expiresAt: isoNow(i.expiresAt),
        maxUses: i.maxUses,
        uses: i.uses,
        revokedAt: iso(i.revokedAt),
      })),
      attendance: seen.map((a) => ({
        participantId: a.participantId,
        day: a.day,
        firstSeenAt: isoNow(a.firstSeenAt),
        lastSeenAt: isoNow(a.lastSeenAt),
      })),
      workspace: { state: Buffer.from(state).toString('base64') },
    }
  }

  /** Ids of the backup already taken in this database: a restore never overwrites. */
  async function takenIds(backup: GroupBackup): Promise<string | null> {
    const [group] = await db
      .select({ id: groups.id })
      .from(groups)
      .where(or(eq(groups.id, backup.group.id), eq(groups.room, backup.group.room)))
    if (group) return 'group'
    const taken = await takenRowIds(db, backup)
    if (taken) return taken
    const stored = await store.load(backup.group.room)
    return stored.lastUpdateId > 0 ? 'group' : null
  }

  /**
   * Restores a backup as a new group of the round `cohortId`, with the backup's ids, rows
   * and workspace. Invitations come back withdrawn (their tokens were never in the backup)
   * and no session is restored: the facilitators invite the group anew.
   */
  async function importGroup(
    cohortId: string,
    backup: GroupBackup,
    now = new Date(),
  ): Promise<BackupImportResponse> {
    const [cohort] = await db.select().from(cohorts).where(eq(cohorts.id, cohortId))
    if (!cohort) throw new BackupRefused(404, 'not_found', 'cohortId: no such round.')
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
    const taken = await takenIds(backup)
    if (taken)
      throw new BackupRefused(
        409,
        'conflict',
        `${taken}: already in this database (the group exists here).`,
      )
    const [sameName] = await db
      .select({ id: groups.id })
      .from(groups)
      .where(and(eq(groups.cohortId, cohortId), eq(groups.name, backup.group.name)))
    if (sameName)
      throw new BackupRefused(409, 'conflict', 'group.name: the round has a group by that name.')
    // Decoded in the worker: a workspace this code cannot read (or a newer schema) is refused.
    await runner.run({ kind: 'verify', updates: [state] }).catch((error: unknown) => {
      throw new BackupRefused(422, 'bad_request', `workspace.state: ${String(error)}`)
    })
    const newOrganisations = await organisationsToMake(db, backup)
    const groupId = backup.group.id
    const [first, ...rest] = [
      db
        .insert(groups)
        .values({ id: groupId, cohortId, name: backup.group.name, room: backup.group.room }),
      ...backupRowStatements(db, backup, groupId, newOrganisations, now),
    ]
    await db.batch([first!, ...rest])
    // The rows first: a workspace without its group would be unreachable. Nobody can be
    // connected to the new room (it has no sessions), so the state goes straight to its log.
    await store.append([{ room: backup.group.room, update: state }])
    return {
      group: { id: groupId, name: backup.group.name, room: backup.group.room },
      counts: restoredCounts(backup, state.byteLength),
    }
  }

  return { exportGroup, importGroup }
}
