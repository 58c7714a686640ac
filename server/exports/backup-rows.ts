import { eq, inArray } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import {
  attendance,
  groupOrganisations,
  invitations,
  meetings,
  organisations,
  participants,
} from '../../db/schema.ts'
import type { ApiErrorCode } from '../../shared/api.ts'
import type { GroupBackup } from '../../shared/exports/backup.ts'
import { hashToken, randomToken } from '../auth/tokens.ts'

/** Why an import was refused: the route answers with the status and names the field. */
export class BackupRefused extends Error {
  constructor(
    readonly status: 404 | 409 | 413 | 422,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'BackupRefused'
  }
}

const dateOf = (value: string | null): Date | null => (value === null ? null : new Date(value))
const ids = <T extends { id: string }>(rows: readonly T[]) => rows.map((row) => row.id)

/**
 * Which of the backup's meetings, participants or invitations already have their ids in
 * this database (a restore never overwrites): the first kind found, or null.
 */
export async function takenRowIds(db: Database, backup: GroupBackup): Promise<string | null> {
  const checks: [string, Promise<unknown[]>][] = [
    [
      'meetings',
      db
        .select({ id: meetings.id })
        .from(meetings)
        .where(inArray(meetings.id, ids(backup.meetings))),
    ],
    [
      'participants',
      db
        .select({ id: participants.id })
        .from(participants)
        .where(inArray(participants.id, ids(backup.participants))),
    ],
    [
      'invitations',
      db
        .select({ id: invitations.id })
        .from(invitations)
        .where(inArray(invitations.id, ids(backup.invitations))),
    ],
  ]
  for (const [what, query] of checks) if ((await query).length > 0) return what
  return null
}

/** Organisations are shared by the round's groups: found by id, else made with the backup's. */
export async function organisationsToMake(db: Database, backup: GroupBackup) {
  const existing = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(inArray(organisations.id, ids(backup.organisations)))
  const known = new Set(existing.map((row) => row.id))
  const missing = backup.organisations.filter((org) => !known.has(org.id))
  for (const org of missing) {
    const [clash] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, org.name))
    if (clash)
      throw new BackupRefused(
        409,
        'conflict',
        `organisations: "${org.name}" exists here under another id; the workspace names it by the backup's.`,
      )
  }
  return missing
}

/**
 * The statements that write the backup's rows into group `groupId`: its missing
 * organisations, the group's organisations, meetings, participants, invitations (withdrawn:
 * their tokens were never in the backup) and attendance. Run in one batch.
 */
export function backupRowStatements(
  db: Database,
  backup: GroupBackup,
  groupId: string,
  newOrganisations: GroupBackup['organisations'],
  now: Date,
) {
  return [
    ...newOrganisations.map((org) =>
      db.insert(organisations).values({
        id: org.id,
        name: org.name,
        kind: org.kind,
        municipalityCode: org.municipalityCode,
      }),
    ),
    ...backup.organisations.map((org) =>
      db.insert(groupOrganisations).values({
        groupId,
        organisationId: org.id,
        role: org.memberRole,
        position: org.position,
      }),
    ),
    ...backup.meetings.map((m) =>
      db.insert(meetings).values({
        ...m,
        groupId,
        createdAt: new Date(m.createdAt),
        archivedAt: dateOf(m.archivedAt),
        deletedAt: dateOf(m.deletedAt),
      }),
    ),
    ...backup.participants.map((p) =>
      db.insert(participants).values({
        id: p.id,
        groupId,
        displayName: p.displayName,
        organisationId: p.organisationId,
        function: p.function,
        role: p.role,
        invitationId: p.invitationId,
        createdAt: new Date(p.joinedAt),
        lastSeenAt: dateOf(p.lastSeenAt),
        removedAt: dateOf(p.removedAt),
        erasedAt: dateOf(p.erasedAt),
      }),
    ),
    ...backup.invitations.map((i) =>
      db.insert(invitations).values({
        id: i.id,
        groupId,
        role: i.role,
        // The backup has no token: a fresh random one nobody holds, so the row can never
        // be used, and it is withdrawn besides.
        tokenHash: hashToken(randomToken()),
        label: i.label,
        organisationId: i.organisationId,
        createdBy: i.createdBy,
        createdAt: new Date(i.createdAt),
        expiresAt: new Date(i.expiresAt),
        maxUses: i.maxUses,
        uses: i.uses,
        revokedAt: dateOf(i.revokedAt) ?? now,
      }),
    ),
    ...backup.attendance.map((a) =>
      db.insert(attendance).values({
        participantId: a.participantId,
        groupId,
        day: a.day,
        firstSeenAt: new Date(a.firstSeenAt),
        lastSeenAt: new Date(a.lastSeenAt),
      }),
    ),
  ]
}

/** What an import restored, as the route answers it. */
export const restoredCounts = (backup: GroupBackup, workspaceBytes: number) => ({
  organisations: backup.organisations.length,
  meetings: backup.meetings.length,
  participants: backup.participants.length,
  invitations: backup.invitations.length,
  attendance: backup.attendance.length,
  workspaceBytes,
})
