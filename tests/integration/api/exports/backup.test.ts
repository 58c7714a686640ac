import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { loadDoc } from '../../../../server/domain/doc-writer.ts'
import { groupBackupSchema, type GroupBackup } from '../../../../shared/exports/backup.ts'
import { getMatrixAnswer, readMatrix } from '../../../../shared/workspace/index.ts'
import { join, json, startApi, type ApiHarness, type Joined } from '../harness.ts'
import { signInLead, type SignedInLead } from '../rounds/lead-harness.ts'
import { startEmptyApi, texts, writeBm1Content } from './export-fixture.ts'

const withoutExportTime = ({ exportedAt: _exportedAt, ...rest }: GroupBackup) => rest

/**
 * A group's backup restored into an empty deployment (issue 13): the same workspace state
 * and the same rows, no token in it; and the round lead's whole-round workbook.
 */
describe('backup round trip and the round workbook', () => {
  let source: ApiHarness
  let target: Awaited<ReturnType<typeof startEmptyApi>>
  let facilitator: Joined
  let backupText: string
  let backup: GroupBackup
  let lead: SignedInLead
  let targetCohortId: string

  beforeAll(async () => {
    source = await startApi()
    target = await startEmptyApi()
    const group = source.round.groups[0]!
    facilitator = await join(source.app, group.invites.facilitator, 'Frida Processledare')
    const content = await writeBm1Content(source, group.id)
    // A long answer: the backup passes the API's 64 kB limit, which the import must take.
    await source.services.writer.change(group.room, (doc) => {
      const question = readMatrix(doc, content.bm1.id).questions[1]!
      getMatrixAnswer(doc, content.bm1.id, question.id, content.second.id)!.insert(
        0,
        'Lång redovisning. '.repeat(6000),
      )
    })
    await source.services.members.seen(
      facilitator.participantId,
      new Date(`${content.bm1.date}T09:00:00+02:00`),
    )
    const response = await source.app.request(`/api/rooms/${group.room}/export/backup.json`, {
      headers: { cookie: facilitator.cookie },
    })
    expect(response.status).toBe(200)
    backupText = await response.text()
    backup = groupBackupSchema.parse(JSON.parse(backupText))

    // The target: a new deployment with a round of the same checklist, led by a round lead.
    const admin = await signInLead(target as unknown as ApiHarness, null)
    const created = await target.app.request(
      '/api/rounds',
      json(
        {
          name: 'Återställd omgång',
          track: 'kommuner',
          startYear: 2019,
          endYear: 2020,
          checklistVersion: backup.round.checklistVersion,
          meetingPlan: [{ kind: 'uppstart', date: null }],
        },
        admin.headers,
      ),
    )
    expect(created.status).toBe(201)
    targetCohortId = ((await created.json()) as { id: string }).id
    lead = admin
  })

  afterAll(async () => {
    await source.close()
    await target.close()
  })

  it('holds the group’s rows and workspace, and no token or hash', () => {
    expect(backupText.length).toBeGreaterThan(64 * 1024)
    expect(backupText).not.toMatch(/token|hash/i)
    expect(backup.participants.map((p) => p.displayName)).toContain('Frida Processledare')
    expect(backup.attendance.length).toBeGreaterThan(0)
    expect(backup.meetings.length).toBeGreaterThanOrEqual(5)
  })

  it('refuses an import without a lead session (401) and from a group member (403)', async () => {
    const path = `/api/rounds/${targetCohortId}/groups/import`
    expect((await target.app.request(path, json(backup))).status).toBe(401)
    const member = await source.app.request(
      `/api/rounds/${source.round.groups[0]!.id}/groups/import`,
      json(backup, { cookie: facilitator.cookie }),
    )
    expect(member.status).toBe(403)
  })

  it('restores into an empty deployment: the same workspace state and the same rows', async () => {
    const path = `/api/rounds/${targetCohortId}/groups/import`
    const response = await target.app.request(path, json(backup, lead.headers))
    expect(response.status).toBe(201)
    const body = (await response.json()) as { group: { id: string; room: string } }
    expect(body.group).toMatchObject({ id: backup.group.id, room: backup.group.room })

    const before = await loadDoc(source.services.store, backup.group.room)
    const after = await loadDoc(target.services.store, backup.group.room)
    expect(Y.encodeStateVector(after)).toEqual(Y.encodeStateVector(before))
    expect(after.getMap('checklistScores').toJSON()).toEqual(
      before.getMap('checklistScores').toJSON(),
    )
    expect(after.getMap('pdsaPlans').toJSON()).toEqual(before.getMap('pdsaPlans').toJSON())
    expect(after.getMap('meetings').toJSON()).toEqual(before.getMap('meetings').toJSON())
    expect(JSON.stringify(after.getMap('meetings').toJSON())).toContain(texts.answer)

    // Exported again from the target: the same rows (invitations come back withdrawn).
    const again = await target.services.exports.backups.exportGroup(backup.group.id)
    const { invitations: invitationsAgain, ...restAgain } = withoutExportTime(again!)
    const { invitations, ...rest } = withoutExportTime(backup)
    expect({ ...restAgain, round: null, workspace: null }).toEqual({
      ...rest,
      round: null,
      workspace: null,
    })
    expect(invitationsAgain.map(({ revokedAt: _r, ...i }) => i)).toEqual(
      invitations.map(({ revokedAt: _r, ...i }) => i),
    )
    expect(invitationsAgain.every((i) => i.revokedAt !== null)).toBe(true)

    // A second import of the same backup finds its ids taken.
    const twice = await target.app.request(path, json(backup, lead.headers))
    expect(twice.status).toBe(409)
  })

  it('gives the round lead the whole round in one workbook', async () => {
    const roundLead = await signInLead(source, null)
    const cohortId = (await source.services.groups.context(source.round.groups[0]!.id))!.cohort.id
    const path = `/api/rounds/${cohortId}/export/checklist.xlsx`
    expect((await source.app.request(path)).status).toBe(401)
    const member = await source.app.request(path, { headers: { cookie: facilitator.cookie } })
    expect(member.status).toBe(403)
    const response = await source.app.request(path, { headers: roundLead.headers })
    expect(response.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await response.arrayBuffer())
    const inRound: string[] = []
    for (const group of source.round.groups) {
      const context = await source.services.groups.context(group.id)
      if (context?.cohort.id === cohortId) inRound.push(context.group.name)
    }
    expect(inRound.length).toBeGreaterThan(1)
    // The summary names every group of the round, and each has its organisations' sheets.
    const summary = workbook.getWorksheet('Sammanställning')!.getSheetValues() as unknown[][]
    const named = new Set(
      summary.map((row) => row?.[1]).filter((cell) => inRound.includes(cell as string)),
    )
    expect([...named].sort()).toEqual([...inRound].sort())
    expect(workbook.worksheets.length).toBeGreaterThanOrEqual(1 + inRound.length * 2)
  })
})
