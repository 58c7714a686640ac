import type { Database } from '../../db/client.ts'
import type { Groups } from '../domain/groups.ts'
import type { Meetings } from '../domain/meetings.ts'
import type { Logger } from '../log.ts'
import type { DocStore } from '../storage/doc-store.ts'
import { createBackups } from './backup.ts'
import { createExportRunner } from './export-runner.ts'
import { createExportSources } from './export-sources.ts'

export interface ExportServiceDeps {
  db: Database
  store: DocStore
  groups: Groups
  meetings: Meetings
  logger: Logger
  maxDocumentBytes: number
}

/** Minutes, checklist workbooks and backups: read here, built in a worker thread. */
export function createExportServices(deps: ExportServiceDeps) {
  const runner = createExportRunner(deps.logger)
  const sources = createExportSources(deps)
  const backups = createBackups({ ...deps, runner, sources })
  return { runner, sources, backups, close: runner.close }
}

export type ExportServices = ReturnType<typeof createExportServices>
