import { meetingKindLabels } from '../../shared/domain/labels.ts'
import type { Locale } from '../../shared/domain/locale.ts'
import { buildChecklistWorkbook, type WorkbookGroup, type WorkbookInput } from './checklist-xlsx.ts'
import type { MinutesInput } from './minutes-content.ts'
import { buildMinutesDocx } from './minutes-docx.ts'
import type { ExportSources } from './export-sources.ts'
import { workspaceFrom, workspaceState } from './workspace-state.ts'

/** A file built from inputs already read: plain data in, bytes out. */
export type ExportJob =
  { kind: 'minutes'; input: MinutesInput } | { kind: 'checklist'; input: WorkbookInput }

/**
 * What the relay's thread asks the export worker for: ids only. The worker reads the rows
 * and the stored updates itself (export-reader.ts), so the relay's thread never holds
 * a round's bytes.
 */
export type ExportRequest =
  | { kind: 'minutes'; groupId: string; meetingId: string; lang: Locale }
  /** One workbook over these groups; `title` null: the (only) group's name. */
  | { kind: 'checklist'; groupIds: string[]; title: string | null; lang: Locale }
  /** A room's stored updates folded into one state (the backup's). */
  | { kind: 'state'; room: string }
  /** Throws unless the updates decode into a workspace this code can read (a restore's). */
  | { kind: 'verify'; updates: Uint8Array[] }

/** A built file and the name it is downloaded as; null when what was asked is not there. */
export type ExportFile = { bytes: Uint8Array; fileName: string } | null

export async function runExportJob(job: ExportJob): Promise<Uint8Array> {
  switch (job.kind) {
    case 'minutes':
      return buildMinutesDocx(job.input)
    case 'checklist':
      return buildChecklistWorkbook(job.input)
  }
}

function minutesFileName(input: MinutesInput): string {
  const { lang, meeting } = input
  const title = meeting.title ?? meetingKindLabels[meeting.kind][lang]
  const name = lang === 'en' ? 'Minutes' : 'Minnesanteckningar'
  const date = meeting.date ? ` ${meeting.date}` : ''
  return `${name} ${title}${date} - ${input.group.name}.docx`
}

/** Reads what the request names through `sources` and builds the file. */
export async function answerExportRequest(
  request: ExportRequest,
  sources: () => Promise<ExportSources>,
): Promise<ExportFile> {
  switch (request.kind) {
    case 'minutes': {
      const { groupId, meetingId, lang } = request
      const input = await (await sources()).minutes(groupId, meetingId, lang)
      if (!input) return null
      return { bytes: await buildMinutesDocx(input), fileName: minutesFileName(input) }
    }
    case 'checklist': {
      const read = await sources()
      const groups: WorkbookGroup[] = []
      // One group at a time: each read is a few small queries, never all groups' at once.
      for (const id of request.groupIds) {
        const group = await read.workbookGroup(id)
        if (group) groups.push(group)
      }
      const title = request.title ?? groups[0]?.name
      if (title === undefined) return null
      const bytes = await buildChecklistWorkbook({ lang: request.lang, title, groups })
      const name = request.lang === 'en' ? 'Checklist' : 'Checklista'
      return { bytes, fileName: `${name} - ${title}.xlsx` }
    }
    case 'state': {
      const updates = await (await sources()).workspaceUpdates(request.room)
      return { bytes: workspaceState(updates), fileName: '' }
    }
    case 'verify':
      workspaceFrom(request.updates).destroy()
      return { bytes: new Uint8Array(0), fileName: '' }
  }
}
