import { asc, eq } from 'drizzle-orm'
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { Database } from '../../db/client.ts'
import { groups as groupRows } from '../../db/schema.ts'
import {
  groupBackupSchema,
  type BackupImportResponse,
  type GroupBackup,
} from '../../shared/exports/backup.ts'
import { roundGroupParamsSchema } from '../../shared/rounds-api.ts'
import { requireRoundLead } from '../auth/lead-middleware.ts'
import type { RoundLeads } from '../auth/round-leads.ts'
import type { Audit } from '../domain/audit.ts'
import type { DocWriter } from '../domain/doc-writer.ts'
import type { Rounds } from '../domain/rounds.ts'
import { BackupRefused } from '../exports/backup-rows.ts'
import type { ExportServices } from '../exports/index.ts'
import type { AppEnv } from '../http/env.ts'
import { apiError, readJson, readParams } from '../http/errors.ts'
import { requireJsonBodies } from '../http/json-only.ts'
import { download, exportLocale } from './download.ts'

export interface RoundExportRouteDeps {
  db: Database
  leads: RoundLeads
  rounds: Rounds
  audit: Audit
  exports: ExportServices
}

/**
 * The round lead's export: `GET /api/rounds/:cohortId/export/checklist.xlsx?lang=sv|en`,
 * every group of the round in one workbook (the group's workbook over several groups).
 */
export function createRoundExportRoutes({ db, leads, rounds, exports }: RoundExportRouteDeps) {
  const app = new Hono<AppEnv>()
  const lead = requireRoundLead(leads, { cohortParam: 'cohortId' })

  app.get('/:cohortId/export/checklist.xlsx', lead, async (c) => {
    const cohortId = c.req.param('cohortId')
    const round = await rounds.find(cohortId)
    if (!round) throw apiError(404, 'not_found', 'cohortId: no such round.')
    const ids = await db
      .select({ id: groupRows.id })
      .from(groupRows)
      .where(eq(groupRows.cohortId, cohortId))
      .orderBy(asc(groupRows.name))
    // The groups' rows and stored updates are read in the export worker, not here.
    const file = await exports.runner.run({
      kind: 'checklist',
      groupIds: ids.map(({ id }) => id),
      title: round.name,
      lang: exportLocale(c),
    })
    if (!file) throw apiError(404, 'not_found', 'cohortId: no such round.')
    return download(c, file.bytes, file.fileName, 'xlsx')
  })

  return app
}

/**
 * The round lead's backup imports, mounted ahead of the API's 64 kB body limit with one of
 * their own: a backup carries a whole workspace (up to MAX_DOCUMENT_BYTES, base64) and the
 * group's rows. Both answer `201 { group, counts }` and are audited as `group.imported`.
 * - `POST /api/rounds/:cohortId/groups/import`: restored as a new group of the round;
 * - `POST /api/rounds/:cohortId/groups/:groupId/import`: restored into that group, which
 *   must still be empty (backup-into-group.ts says what that means), else 409.
 */
export function createBackupImportRoutes(
  {
    leads,
    audit,
    exports,
    writer,
  }: Omit<RoundExportRouteDeps, 'db' | 'rounds'> & {
    writer: DocWriter
  },
  maxDocumentBytes: number,
) {
  const app = new Hono<AppEnv>()
  const maxSize = Math.ceil((maxDocumentBytes * 4) / 3) + 16 * 1024 * 1024
  const upload = [
    // Who it is first: nobody else's upload is read.
    requireRoundLead(leads, { cohortParam: 'cohortId' }),
    requireJsonBodies,
    bodyLimit({
      maxSize,
      onError: () => {
        throw apiError(413, 'payload_too_large', 'The backup is larger than this server takes.')
      },
    }),
  ] as const

  const refused = (error: unknown): never => {
    if (error instanceof BackupRefused) throw apiError(error.status, error.code, error.message)
    throw error
  }

  async function audited(
    c: Context<AppEnv>,
    cohortId: string,
    backup: GroupBackup,
    restored: BackupImportResponse,
    into: 'new' | 'empty',
  ) {
    await audit.record({
      groupId: restored.group.id,
      cohortId,
      leadId: c.get('lead').id,
      kind: 'group.imported',
      detail: {
        from: { exportedAt: backup.exportedAt, round: backup.round.id },
        into,
        ...restored.counts,
      },
    })
    return c.json(restored, 201)
  }

  app.post('/:cohortId/groups/import', ...upload, async (c) => {
    const cohortId = c.req.param('cohortId')
    const backup = await readJson(c, groupBackupSchema)
    const restored = await exports.backups.importGroup(cohortId, backup).catch(refused)
    return audited(c, cohortId, backup, restored, 'new')
  })

  app.post('/:cohortId/groups/:groupId/import', ...upload, async (c) => {
    const { cohortId, groupId } = readParams(c, roundGroupParamsSchema)
    const backup = await readJson(c, groupBackupSchema)
    const restored = await exports.backups
      .importIntoGroup(cohortId, groupId, backup, writer)
      .catch(refused)
    return audited(c, cohortId, backup, restored, 'empty')
  })

  return app
}
