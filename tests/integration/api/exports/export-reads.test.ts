import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { groupBackupSchema } from '../../../../shared/exports/backup.ts'
import { join, startApi, type ApiHarness, type Joined } from '../harness.ts'
import { signInLead } from '../rounds/lead-harness.ts'
import { docxText, texts, writeBm1Content } from './export-fixture.ts'

/**
 * Exports never block the relay (issue 13): the export worker reads the rows and the
 * stored updates itself, over its own read-only connection, so the server's thread never
 * loads a workspace's log for an export. Counted on the server's own store, whose reads
 * are what held the relay (npm run bench:export).
 */
describe('exports read in the worker', () => {
  let api: ApiHarness
  let facilitator: Joined
  let content: Awaited<ReturnType<typeof writeBm1Content>>
  let loads: string[]

  beforeAll(async () => {
    api = await startApi()
    const group = api.round.groups[0]!
    facilitator = await join(api.app, group.invites.facilitator, 'Frida Processledare')
    content = await writeBm1Content(api, group.id)
    loads = []
    const store = api.services.store
    const load = store.load.bind(store)
    store.load = (room) => {
      loads.push(room)
      return load(room)
    }
  })

  afterAll(() => api.close())

  it('builds minutes, workbooks and the backup without the server’s thread loading a workspace', async () => {
    const room = content.workspace.group.room
    const get = (path: string, headers: Record<string, string>) =>
      api.app.request(path, { headers })
    const member = { cookie: facilitator.cookie }

    const minutes = await get(`/api/rooms/${room}/export/minutes/${content.bm1.id}.docx`, member)
    expect(minutes.status).toBe(200)
    expect(await docxText(await minutes.arrayBuffer())).toContain(texts.answer)

    const checklist = await get(`/api/rooms/${room}/export/checklist.xlsx`, member)
    expect(checklist.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await checklist.arrayBuffer())
    expect(workbook.worksheets.map((sheet) => sheet.name)).toContain(content.first.name)

    const backup = await get(`/api/rooms/${room}/export/backup.json`, member)
    expect(backup.status).toBe(200)
    const parsed = groupBackupSchema.parse(await backup.json())
    expect(Buffer.from(parsed.workspace.state, 'base64').byteLength).toBeGreaterThan(1000)

    const lead = await signInLead(api, null)
    const round = await get(
      `/api/rounds/${content.workspace.cohort.id}/export/checklist.xlsx`,
      lead.headers,
    )
    expect(round.status).toBe(200)
    const roundBook = new ExcelJS.Workbook()
    await roundBook.xlsx.load(await round.arrayBuffer())
    expect(roundBook.worksheets.length).toBeGreaterThan(2)

    expect(loads).toEqual([])
  })

  it('answers 404 for a meeting the group does not have, read in the worker', async () => {
    const room = content.workspace.group.room
    const response = await api.app.request(`/api/rooms/${room}/export/minutes/nope.docx`, {
      headers: { cookie: facilitator.cookie },
    })
    expect(response.status).toBe(404)
  })
})
