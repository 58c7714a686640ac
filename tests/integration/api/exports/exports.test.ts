import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorCode, join, json, startApi, type ApiHarness, type Joined } from '../harness.ts'
import { bm1Scores, docxText, texts, writeBm1Content } from './export-fixture.ts'

/**
 * The group's exports (issue 13): each file opened with its own format's reader (the
 * .docx's document.xml through JSZip, the .xlsx through exceljs) and checked for names,
 * scores, totals and the criterion; who may download what.
 */
describe('group exports', () => {
  let api: ApiHarness
  let facilitator: Joined
  let viewer: Joined
  let participant: Joined
  let otherGroup: Joined
  let content: Awaited<ReturnType<typeof writeBm1Content>>
  let room: string

  // Another group's session is sent as a bearer token: its cookie is named for its own room.
  const get = (path: string, who?: Joined) =>
    api.app.request(path, {
      headers: !who
        ? {}
        : who === otherGroup
          ? { authorization: `Bearer ${who.session}` }
          : { cookie: who.cookie },
    })

  beforeAll(async () => {
    api = await startApi()
    const group = api.round.groups[0]!
    room = group.room
    facilitator = await join(api.app, group.invites.facilitator, 'Frida Processledare')
    viewer = await join(api.app, group.invites.viewer!, 'Vera Åhörare')
    participant = await join(api.app, group.invites.participant, 'Per Deltagare')
    otherGroup = await join(api.app, api.round.groups[1]!.invites.facilitator, 'Olle Annan')
    content = await writeBm1Content(api, group.id)
    // Frida had the board open on the meeting's day; Per only on another day.
    const day = content.bm1.date!
    await api.services.members.seen(facilitator.participantId, new Date(`${day}T09:00:00+02:00`))
    await api.services.members.seen(participant.participantId, new Date('2001-01-01T09:00:00Z'))
  })

  afterAll(() => api.close())

  describe('minutes (.docx)', () => {
    const path = () => `/api/rooms/${room}/export/minutes/${content.bm1.id}.docx`

    it('holds the meeting, who was present, agenda, matrix, plans, scores with totals and criterion, decisions', async () => {
      const response = await get(path(), facilitator)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toContain('wordprocessingml')
      expect(response.headers.get('content-disposition')).toMatch(/attachment; filename=".*\.docx"/)
      const text = await docxText(await response.arrayBuffer())
      expect(text).toContain('Minnesanteckningar')
      expect(text).toContain(content.workspace.group.name)
      expect(text).toContain(content.bm1.date!)
      // Present: the one seen that day, by organisation and function; not the one seen another day.
      expect(text).toContain('Frida Processledare')
      expect(text).not.toContain('Per Deltagare')
      expect(text).toContain('Dagordning')
      expect(text).toMatch(/✓ Ja/)
      expect(text).toContain(texts.answer)
      expect(text).toContain(`Plan 1 – ${content.first.name}`)
      expect(text).toContain(texts.plannedAim)
      expect(text).toContain(texts.followedAim)
      // Totals and the criterion per organisation (hand-computed in the fixture).
      expect(text).toContain('26 / 30')
      expect(text).toContain('25 / 30')
      expect(text).toContain('Uppfyllt')
      expect(text).toContain('Ej uppfyllt (Hindras av punkt 1)')
      expect(text).toContain(`Anta. ${texts.act}`)
    })

    it('is in English with ?lang=en, and viewers may download it', async () => {
      const response = await get(`${path()}?lang=en`, viewer)
      expect(response.status).toBe(200)
      const text = await docxText(await response.arrayBuffer())
      expect(text).toContain('Minutes')
      expect(text).toContain('Total score')
      expect(text).toContain('Not met (Held back by item 1)')
    })

    it('refuses another group’s session (403) and none (401); an unknown meeting is a 404', async () => {
      expect((await get(path(), otherGroup)).status).toBe(403)
      const none = await get(path())
      expect(none.status).toBe(401)
      expect(await errorCode(none)).toBe('unauthenticated')
      expect((await get(`/api/rooms/${room}/export/minutes/nope.docx`, facilitator)).status).toBe(
        404,
      )
      const otherMeeting = (await api.services.groups.workspace(api.round.groups[1]!.id))!
        .meetings[0]!
      expect(
        (await get(`/api/rooms/${room}/export/minutes/${otherMeeting.id}.docx`, facilitator))
          .status,
      ).toBe(404)
    })

    it('handles an empty meeting without a date', async () => {
      const created = await api.app.request(
        `/api/rooms/${room}/meetings`,
        json({ kind: 'extra', title: 'Extraträff' }, { cookie: facilitator.cookie }),
      )
      expect(created.status).toBe(201)
      const { id } = (await created.json()) as { id: string }
      const response = await get(`/api/rooms/${room}/export/minutes/${id}.docx`, participant)
      expect(response.status).toBe(200)
      const text = await docxText(await response.arrayBuffer())
      expect(text).toContain('Extraträff')
      expect(text).toContain('Träffen har inget datum')
      expect(text).toContain('Checklistan skattas inte på den här träffen.')
      expect(text).toContain('Inga beslut antecknade på tavlan.')
    })
  })

  describe('checklist (.xlsx)', () => {
    const path = () => `/api/rooms/${room}/export/checklist.xlsx`

    it('has a sheet per scoring organisation in the form’s layout and a summary', async () => {
      const response = await get(path(), viewer)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toContain('spreadsheetml')
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(await response.arrayBuffer())
      const names = workbook.worksheets.map((sheet) => sheet.name)
      expect(names).toEqual(['Sammanställning', content.first.name, content.second.name])

      const sheet = workbook.getWorksheet(content.first.name)!
      const rows = sheet.getSheetValues() as unknown[][]
      const rowOf = (label: string) => rows.findIndex((row) => row?.[2] === label)
      const header = rows.find((row) => row?.[2] === 'Punkt')!
      expect(header.slice(3, 8)).toEqual([
        'Uppstart poäng',
        'BM1 poäng',
        'BM2 poäng',
        'BM3 poäng',
        'Avslutningskonferens poäng',
      ])
      expect(header[8]).toBe('Kommentar')
      const item1 = rows.find((row) => row?.[1] === '1.')!
      expect(String(item1[2])).toContain('Den politiska församlingen')
      // BM1 is the form's second score column (D).
      const bm1Column = rows.filter((row) => /^\d+\.$/.test(String(row?.[1]))).map((row) => row[4])
      expect(bm1Column).toEqual(bm1Scores.first)
      const totals = rows[rowOf('Summa poäng')]!
      expect((totals[4] as { result: number }).result).toBe(26)
      expect(rows[rowOf('Modellkommun-kriteriet')]![4]).toBe('Uppfyllt')
      const second = workbook.getWorksheet(content.second.name)!.getSheetValues() as unknown[][]
      expect(second.find((row) => row?.[2] === 'Modellkommun-kriteriet')![4]).toBe('Ej uppfyllt')

      const summary = workbook.getWorksheet('Sammanställning')!.getSheetValues() as unknown[][]
      const firstRow = summary.find((row) => row?.[2] === content.first.name)!
      expect(firstRow[1]).toBe(content.workspace.group.name)
      expect(firstRow[4]).toBe(26)
      const secondRow = summary.find((row) => row?.[2] === content.second.name)!
      expect(secondRow[4]).toBe(25)
    })

    it('refuses another group’s session (403) and none (401)', async () => {
      expect((await get(path(), otherGroup)).status).toBe(403)
      expect((await get(path())).status).toBe(401)
    })
  })

  describe('backup (.json)', () => {
    const path = () => `/api/rooms/${room}/export/backup.json`

    it('is for facilitators only', async () => {
      expect((await get(path(), participant)).status).toBe(403)
      expect((await get(path(), viewer)).status).toBe(403)
      expect((await get(path(), otherGroup)).status).toBe(403)
      expect((await get(path())).status).toBe(401)
      expect((await get(path(), facilitator)).status).toBe(200)
    })
  })
})
