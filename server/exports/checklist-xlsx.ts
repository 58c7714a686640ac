import ExcelJS from 'exceljs'
import { checklistPhaseLabels, checklistPhases } from '../../shared/domain/checklist.ts'
import {
  getChecklistVersion,
  type ChecklistVersion,
} from '../../shared/domain/checklist-versions.ts'
import type { Locale } from '../../shared/domain/locale.ts'
import type { GroupMemberRole } from '../../shared/domain/organisation.ts'
import type { OrganisationChecklistResults } from '../../shared/results/checklist.ts'
import { readGroupResults, type GroupResults } from '../../shared/results/group.ts'
import type { ResultsMeeting } from '../../shared/results/pdsa.ts'
import { meanPerItemPerPhase } from '../../shared/results/round.ts'
import { documentTexts, type DocumentTexts } from './document-texts.ts'
import { workspaceFrom } from './workspace-state.ts'

/** One group as the workbook needs it (cloneable to a worker). */
export interface WorkbookGroup {
  name: string
  checklistVersion: string
  /** The group's organisations, benchmarking ones first; only those score. */
  organisations: { id: string; name: string; memberRole: GroupMemberRole }[]
  meetings: ResultsMeeting[]
  /** The workspace as stored: its snapshot and the log after it. */
  updates: Uint8Array[]
}

/**
 * A group's checklist (`GET /api/rooms/:room/export/checklist.xlsx`) or a whole round's
 * (`GET /api/rounds/:cohortId/export/checklist.xlsx`): the same workbook over one group or
 * many, a sheet per scoring organisation and a summary sheet first.
 */
export interface WorkbookInput {
  lang: Locale
  /** The group's or the round's name, on the summary sheet. */
  title: string
  groups: WorkbookGroup[]
}

interface ScoredOrganisation {
  group: WorkbookGroup
  results: GroupResults
  organisation: OrganisationChecklistResults
  name: string
}

/** Excel's sheet names: at most 31 characters, none of []:*?/\ and unique in the book. */
function sheetNamer() {
  const taken = new Set<string>()
  return (wanted: string): string => {
    const clean = wanted.replace(/[[\]:*?/\\]/g, ' ').trim() || 'Blad'
    for (let n = 1; ; n += 1) {
      const suffix = n === 1 ? '' : ` (${n})`
      const name = clean.slice(0, 31 - suffix.length) + suffix
      if (!taken.has(name.toLowerCase())) {
        taken.add(name.toLowerCase())
        return name
      }
    }
  }
}

const bold = { bold: true } as const
const thin = { style: 'thin', color: { argb: 'FF888888' } } as const
const boxed = { top: thin, bottom: thin, left: thin, right: thin }

function organisationSheet(
  sheet: ExcelJS.Worksheet,
  scored: ScoredOrganisation,
  version: ChecklistVersion,
  lang: Locale,
  t: DocumentTexts,
): void {
  const { organisation, results } = scored
  sheet.columns = [
    { width: 5 },
    { width: 60 },
    ...checklistPhases.map(() => ({ width: 14 })),
    { width: 50 },
  ]
  sheet.addRow([t.checklistTitle]).font = { bold: true, size: 14 }
  sheet.addRow([t.scale])
  sheet.addRow([`${t.organisation}:`, scored.name]).font = bold
  sheet.addRow([`${t.group}:`, scored.group.name])
  sheet.addRow([])
  const header = sheet.addRow([
    '',
    t.item,
    ...checklistPhases.map((phase) => `${checklistPhaseLabels[phase][lang]} ${t.points}`),
    t.comment,
  ])
  header.font = bold
  header.alignment = { wrapText: true, vertical: 'top' }
  sheet.addRow(['', `${t.date}:`, ...results.phases.map((column) => column.date ?? '')])
  const firstItemRow = sheet.rowCount + 1
  organisation.items.forEach((item, index) => {
    const comments = checklistPhases
      .filter((phase) => item.comments[phase].trim() !== '')
      .map((phase) => `${checklistPhaseLabels[phase][lang]}: ${item.comments[phase].trim()}`)
    const row = sheet.addRow([
      `${item.number}.`,
      version.items[index]!.text[lang],
      ...checklistPhases.map((phase) => item.scores[phase] ?? null),
      comments.join('\n'),
    ])
    row.alignment = { wrapText: true, vertical: 'top' }
  })
  const lastItemRow = sheet.rowCount
  // The form's "Summa poäng" as formulas (with their values), so a score changed in Excel
  // adds up there too; a phase nobody scored stays empty rather than showing 0.
  const totals = sheet.addRow([
    '',
    t.total,
    ...organisation.phases.map((phase, index) => {
      if (phase.scored === 0) return null
      const column = String.fromCharCode(67 + index)
      return {
        formula: `SUM(${column}${firstItemRow}:${column}${lastItemRow})`,
        result: phase.total,
      }
    }),
  ])
  totals.font = bold
  sheet.addRow([
    '',
    t.criterion,
    ...organisation.phases.map((phase) =>
      phase.scored === 0 ? null : phase.criterion.met ? t.criterionMet : t.criterionNotMet,
    ),
  ]).font = bold
  for (let r = header.number; r <= sheet.rowCount; r += 1)
    for (let c = 1; c <= checklistPhases.length + 3; c += 1) sheet.getCell(r, c).border = boxed
  sheet.views = [{ state: 'frozen', ySplit: header.number, xSplit: 2 }]
  sheet.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 }
}

function summarySheet(
  sheet: ExcelJS.Worksheet,
  scored: readonly ScoredOrganisation[],
  groups: readonly GroupResults[],
  version: ChecklistVersion,
  input: WorkbookInput,
  t: DocumentTexts,
): void {
  const lang = input.lang
  const phaseLabels = checklistPhases.map((phase) => checklistPhaseLabels[phase][lang])
  sheet.columns = [
    { width: 30 },
    { width: 30 },
    ...phaseLabels.map(() => ({ width: 14 })),
    { width: 14 },
    { width: 18 },
  ]
  sheet.addRow([`${t.checklistTitle}: ${t.summary}`]).font = { bold: true, size: 14 }
  sheet.addRow([input.title])
  sheet.addRow([])
  const header = sheet.addRow([t.group, t.organisation, ...phaseLabels, t.improvement, t.criterion])
  header.font = bold
  for (const { group, organisation, name } of scored) {
    const last = [...organisation.phases].reverse().find((phase) => phase.scored > 0)
    sheet.addRow([
      group.name,
      name,
      ...organisation.phases.map((phase) => (phase.scored === 0 ? null : phase.total)),
      organisation.improvement,
      last ? (last.criterion.met ? t.criterionMet : t.criterionNotMet) : t.notScored,
    ])
  }
  sheet.addRow([`${t.max}: ${version.items.length * 3}`])
  sheet.addRow([])
  // The 2019 report's Table 1: each item's mean across the organisations, per phase.
  const meansHeader = sheet.addRow([t.item, '', ...phaseLabels, t.improvement])
  meansHeader.font = bold
  const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100)
  for (const row of meanPerItemPerPhase(version, groups))
    sheet.addRow([
      `${row.number}. ${version.items[row.number - 1]!.text[lang]}`,
      '',
      ...checklistPhases.map((phase) => round(row.means[phase])),
      round(row.improvement),
    ])
}

/** The checklist workbook of one group or many (a round), as .xlsx bytes. */
export async function buildChecklistWorkbook(input: WorkbookInput): Promise<Uint8Array> {
  const t = documentTexts(input.lang)
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Modellrummet'
  const summary = workbook.addWorksheet(t.summary)
  const name = sheetNamer()
  name(t.summary)
  const scored: ScoredOrganisation[] = []
  const allResults: GroupResults[] = []
  // A round's groups share its checklist version; the first group's names the summary's items.
  const version = getChecklistVersion(input.groups[0]?.checklistVersion ?? 'skr-2019')
  for (const group of input.groups) {
    const groupVersion = getChecklistVersion(group.checklistVersion)
    const scoring = group.organisations.filter((org) => org.memberRole === 'benchmarking')
    const doc = workspaceFrom(group.updates)
    const results = readGroupResults(doc, {
      version: groupVersion,
      organisationIds: scoring.map((org) => org.id),
      meetings: group.meetings,
    })
    doc.destroy()
    allResults.push(results)
    results.organisations.forEach((organisation, index) => {
      const entry = { group, results, organisation, name: scoring[index]!.name }
      scored.push(entry)
      const sheetName = input.groups.length > 1 ? `${entry.name} – ${group.name}` : entry.name
      organisationSheet(workbook.addWorksheet(name(sheetName)), entry, groupVersion, input.lang, t)
    })
  }
  summarySheet(summary, scored, allResults, version, input, t)
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
