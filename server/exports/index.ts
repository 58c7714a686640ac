import type { Database } from '../../db/client.ts'
import type { Logger } from '../log.ts'
import type { DocStore } from '../storage/doc-store.ts'
import { createGroupImport } from './backup-into-group.ts'
import { createBackups } from './backup.ts'
import type { ExportDatabase } from './export-reader.ts'
import { createExportRunner } from './export-runner.ts'

export interface ExportServiceDeps {
  db: Database
  store: DocStore
  /**
   * The database the worker reads with its own connection: the server's DATABASE_URL.
   * (A `docStore` that replaces the update log, the bench's in-memory reference, is not
   * seen by exports.)
   */
  database: ExportDatabase
  logger: Logger
  maxDocumentBytes: number
}

/** Minutes, checklist workbooks and backups: read and built in a worker thread. */
export function createExportServices(deps: ExportServiceDeps) {
  const runner = createExportRunner(deps.logger, deps.database)
  const backups = createBackups({ ...deps, runner })
  const importIntoGroup = createGroupImport({ ...deps, runner })
  return { runner, backups: { ...backups, importIntoGroup }, close: runner.close }
}

export type ExportServices = ReturnType<typeof createExportServices>
