import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx'
import { checklistPhaseLabels } from '../../shared/domain/checklist.ts'
import {
  groupMemberRoleLabels,
  meetingKindLabels,
  participantFunctionLabels,
  roleLabels,
} from '../../shared/domain/labels.ts'
import {
  pdsaDecisionLabels,
  pdsaFieldLabels,
  pdsaStatusLabels,
  pdsaTextFields,
} from '../../shared/domain/pdsa.ts'
import { resultsChainLabels } from '../../shared/domain/results-chain.ts'
import { documentTexts } from './document-texts.ts'
import { readMinutesContent, type MinutesContent, type MinutesInput } from './minutes-content.ts'

type Block = Paragraph | Table

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ text, heading: level, spacing: { before: 240, after: 120 } })

const para = (text: string, options: { italics?: boolean; bold?: boolean } = {}) =>
  new Paragraph({ children: [new TextRun({ text, ...options })], spacing: { after: 80 } })

/** A cell's text; line breaks in a board text become breaks in the cell. */
const cell = (text: string, options: { bold?: boolean; shade?: boolean } = {}) =>
  new TableCell({
    children: (text === '' ? [''] : text.split('\n')).map(
      (line) => new Paragraph({ children: [new TextRun({ text: line, bold: options.bold })] }),
    ),
    shading: options.shade ? { fill: 'E8E8E8' } : undefined,
  })

/** A full-width table with a shaded header row, repeated on every page it spans. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '888888' }
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map((text) => cell(text, { bold: true, shade: true })),
      }),
      ...rows.map((row) => new TableRow({ children: row.map((text) => cell(text)) })),
    ],
  })
}

function facts(content: MinutesContent): Block[] {
  const t = documentTexts(content.lang)
  const { meeting, lang } = content
  const orgName = (id: string | null) =>
    content.organisations.find((org) => org.id === id)?.name ?? t.notSet
  const time = meeting.startTime
    ? `${meeting.startTime} (${meeting.durationMinutes} ${t.minutes.toLowerCase()})`
    : t.notSet
  return [
    table(
      [t.meeting, meeting.title ?? meetingKindLabels[meeting.kind][lang]],
      [
        [t.group, content.group.name],
        [t.round, content.round.name],
        [t.date, meeting.date ?? t.notSet],
        [t.time, time],
        [t.place, meeting.place ?? t.notSet],
        [t.videoLink, meeting.videoLink ?? t.notSet],
        [t.host, orgName(meeting.hostOrganisationId)],
      ],
    ),
  ]
}

function present(content: MinutesContent): Block[] {
  const t = documentTexts(content.lang)
  const lang = content.lang
  const blocks: Block[] = [heading(t.present, HeadingLevel.HEADING_2)]
  if (content.present === null) return [...blocks, para(t.presentNoDate, { italics: true })]
  blocks.push(para(t.presentHow, { italics: true }))
  if (content.present.length === 0) return [...blocks, para(t.presentNone)]
  // By organisation in the group's order, then those of no organisation (a round lead).
  const order = [...content.organisations.map((org) => org.id), null]
  const people = [...content.present].sort(
    (a, b) =>
      order.indexOf(a.organisationId) - order.indexOf(b.organisationId) ||
      a.displayName.localeCompare(b.displayName, 'sv'),
  )
  const orgLabel = (id: string | null) => {
    const org = content.organisations.find((o) => o.id === id)
    return org ? `${org.name} (${groupMemberRoleLabels[org.memberRole][lang]})` : t.noOrganisation
  }
  return [
    ...blocks,
    table(
      [t.organisation, t.name, t.function, t.role],
      people.map((person) => [
        orgLabel(person.organisationId),
        person.displayName,
        person.function ? participantFunctionLabels[person.function][lang] : '',
        roleLabels[person.role][lang],
      ]),
    ),
  ]
}

function agenda(content: MinutesContent): Block[] {
  const t = documentTexts(content.lang)
  const orgName = (id: string | null) => content.organisations.find((o) => o.id === id)?.name ?? ''
  return [
    heading(t.agenda, HeadingLevel.HEADING_2),
    content.agenda.length === 0
      ? para(t.agendaEmpty)
      : table(
          ['#', t.agendaItem, t.minutes, t.responsible, t.done],
          content.agenda.map((item, index) => [
            String(index + 1),
            item.title,
            String(item.minutes),
            orgName(item.responsibleOrganisationId),
            item.done ? `✓ ${t.yes}` : t.no,
          ]),
        ),
  ]
}

function matrix(content: MinutesContent): Block[] {
  const t = documentTexts(content.lang)
  const { matrix } = content
  const orgName = (id: string) => content.organisations.find((o) => o.id === id)?.name ?? id
  return [
    heading(t.matrix, HeadingLevel.HEADING_2),
    matrix.questions.length === 0
      ? para(t.matrixEmpty)
      : table(
          [t.question, ...matrix.organisationIds.map(orgName)],
          matrix.questions.map((q) => [
            q.text,
            ...matrix.organisationIds.map((org) => matrix.answers[q.id]?.[org] ?? ''),
          ]),
        ),
  ]
}

function plans(content: MinutesContent): Block[] {
  const t = documentTexts(content.lang)
  const lang = content.lang
  const orgName = (id: string) => content.organisations.find((o) => o.id === id)?.name ?? ''
  const itemNumbers = (ids: readonly string[]) =>
    content.version.items.flatMap((item, index) => (ids.includes(item.id) ? [index + 1] : []))
  const planBlocks = (
    plan: MinutesContent['planned'][number] | MinutesContent['followedUp'][number],
  ) => [
    heading(`${t.plan} ${plan.number} – ${orgName(plan.organisationId)}`, HeadingLevel.HEADING_4),
    table(
      [t.status, pdsaStatusLabels[plan.status][lang]],
      [
        ...pdsaTextFields
          .filter((field) => plan.fields[field].trim() !== '')
          .map((field) => [pdsaFieldLabels[field][lang], plan.fields[field]]),
        [t.decision, plan.decision ? pdsaDecisionLabels[plan.decision][lang] : '–'],
        [
          t.resultsChain,
          plan.resultsChainLevel ? resultsChainLabels[plan.resultsChainLevel][lang] : '–',
        ],
        [t.linkedItems, itemNumbers(plan.checklistItemIds).join(', ') || '–'],
      ],
    ),
  ]
  const section = (title: string, list: typeof content.planned | typeof content.followedUp) =>
    list.length === 0 ? [] : [heading(title, HeadingLevel.HEADING_3), ...list.flatMap(planBlocks)]
  const all = [
    ...section(t.pdsaFollowUp, content.followedUp),
    ...section(t.pdsaPlanned, content.planned),
  ]
  return [
    heading(t.pdsa, HeadingLevel.HEADING_2),
    ...(all.length === 0 ? [para(t.pdsaEmpty)] : all),
  ]
}

function checklist(content: MinutesContent): Block[] {
  const t = documentTexts(content.lang)
  const lang = content.lang
  if (!content.phase)
    return [heading(t.checklist, HeadingLevel.HEADING_2), para(t.checklistNoPhase)]
  const orgName = (id: string) => content.organisations.find((o) => o.id === id)?.name ?? id
  const columns = content.checklist
  const comments = columns.flatMap((column) =>
    column.comments.flatMap((comment, index) =>
      comment.trim() === '' ? [] : [[orgName(column.organisationId), String(index + 1), comment]],
    ),
  )
  return [
    heading(`${t.checklist}: ${checklistPhaseLabels[content.phase][lang]}`, HeadingLevel.HEADING_2),
    para(t.scale, { italics: true }),
    table(
      ['#', t.item, ...columns.map((c) => orgName(c.organisationId))],
      [
        ...content.version.items.map((item, index) => [
          String(index + 1),
          item.text[lang],
          ...columns.map((c) => (c.scores[index] === null ? '–' : String(c.scores[index]))),
        ]),
        ['', t.total, ...columns.map((c) => `${c.result.total} / ${c.result.max}`)],
        [
          '',
          t.criterion,
          ...columns.map((c) =>
            c.result.criterion.met
              ? t.criterionMet
              : `${t.criterionNotMet} (${t.criterionBlocking} ${c.blockingItemNumbers.join(', ')})`,
          ),
        ],
      ],
    ),
    ...(comments.length === 0
      ? []
      : [
          heading(t.comments, HeadingLevel.HEADING_3),
          table([t.organisation, '#', t.comment], comments),
        ]),
  ]
}

function decisions(content: MinutesContent): Block[] {
  const t = documentTexts(content.lang)
  const lang = content.lang
  const orgName = (id: string) => content.organisations.find((o) => o.id === id)?.name ?? ''
  const decided = content.followedUp.filter((plan) => plan.decision !== null)
  const blocks: Block[] = [
    heading(t.decisions, HeadingLevel.HEADING_2),
    para(t.decisionsHow, { italics: true }),
  ]
  if (decided.length === 0 && content.notes === '') blocks.push(para(t.decisionsNone))
  for (const plan of decided)
    blocks.push(
      para(
        `${t.plan} ${plan.number} – ${orgName(plan.organisationId)}: ${pdsaDecisionLabels[plan.decision!][lang]}` +
          (plan.fields.act.trim() ? `. ${plan.fields.act.trim()}` : ''),
      ),
    )
  if (content.notes !== '')
    blocks.push(
      heading(t.notes, HeadingLevel.HEADING_3),
      ...content.notes.split('\n').map((line) => para(line)),
    )
  return blocks
}

/** The minutes of one meeting as a Word document. */
export async function buildMinutesDocx(input: MinutesInput): Promise<Uint8Array> {
  const content = readMinutesContent(input)
  const t = documentTexts(content.lang)
  const title = content.meeting.title ?? meetingKindLabels[content.meeting.kind][content.lang]
  const section: ISectionOptions = {
    children: [
      new Paragraph({
        heading: HeadingLevel.TITLE,
        alignment: AlignmentType.LEFT,
        children: [new TextRun(`${t.minutesTitle}: ${title}`)],
      }),
      ...facts(content),
      ...present(content),
      ...agenda(content),
      ...matrix(content),
      ...plans(content),
      ...checklist(content),
      ...decisions(content),
    ],
  }
  const document = new Document({
    creator: 'Modellrummet',
    title: `${t.minutesTitle}: ${title} – ${content.group.name}`,
    sections: [section],
  })
  return new Uint8Array(await Packer.toBuffer(document))
}
