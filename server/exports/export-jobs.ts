import { buildChecklistWorkbook, type WorkbookInput } from './checklist-xlsx.ts'
import type { MinutesInput } from './minutes-content.ts'
import { buildMinutesDocx } from './minutes-docx.ts'
import { workspaceFrom, workspaceState } from './workspace-state.ts'

/** What the export worker builds: plain data in, bytes out. */
export type ExportJob =
  | { kind: 'minutes'; input: MinutesInput }
  | { kind: 'checklist'; input: WorkbookInput }
  /** A workspace's stored updates folded into one state (the backup's). */
  | { kind: 'state'; updates: Uint8Array[] }
  /** Throws unless the updates decode into a workspace this code can read (a restore's). */
  | { kind: 'verify'; updates: Uint8Array[] }

export async function runExportJob(job: ExportJob): Promise<Uint8Array> {
  switch (job.kind) {
    case 'minutes':
      return buildMinutesDocx(job.input)
    case 'checklist':
      return buildChecklistWorkbook(job.input)
    case 'state':
      return workspaceState(job.updates)
    case 'verify':
      workspaceFrom(job.updates).destroy()
      return new Uint8Array(0)
  }
}
