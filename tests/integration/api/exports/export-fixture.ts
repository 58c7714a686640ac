import JSZip from 'jszip'
import { openDatabase } from '../../../../db/client.ts'
import { readConfig } from '../../../../server/config.ts'
import { createApp } from '../../../../server/http/app.ts'
import { createLogger } from '../../../../server/log.ts'
import { createServices } from '../../../../server/services.ts'
import { checklist2019 } from '../../../../shared/domain/checklist-versions.ts'
import type { ChecklistScore } from '../../../../shared/domain/checklist.ts'
import {
  addPdsaPlan,
  getMatrixAnswer,
  readAgenda,
  readMatrix,
  setChecklistScore,
  updateAgendaItem,
  updatePdsaPlan,
  getPdsaField,
} from '../../../../shared/workspace/index.ts'
import { makeTempDatabase } from '../../../helpers/database.ts'
import { PUBLIC_URL, type ApiHarness } from '../harness.ts'

/** The text of a .docx, read back as Word would: word/document.xml's runs, paragraph by paragraph. */
export async function docxText(bytes: ArrayBuffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes)
  const xml = await zip.file('word/document.xml')!.async('string')
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
}

/** Scores of the BM1 column, item 1 to 10, for the group's two benchmarking organisations. */
export const bm1Scores: Record<'first' | 'second', ChecklistScore[]> = {
  // 6 threes, no 1: 3·6 + 2·4 = 26, the criterion met.
  first: [3, 3, 3, 3, 3, 3, 2, 2, 2, 2],
  // A 1 on item 1 keeps it from the criterion: 1 + 3·6 + 2·3 = 25.
  second: [1, 3, 3, 3, 3, 3, 3, 2, 2, 2],
}

export const texts = {
  answer: 'Vi redovisar all statistik per kön sedan 2019.',
  plannedAim: 'Könsuppdelad statistik i alla nämnders uppföljning',
  followedAim: 'Jämställdhetsanalys i beslutsunderlag',
  act: 'Arbetssättet införs i hela kommunen.',
}

/**
 * Writes known content into a group's BM1 meeting through the live room (as the server
 * writes): scores for the two benchmarking organisations, the first agenda item done, an
 * answer in the matrix, a plan made at BM1 and one from the start-up followed up at BM1
 * with a decision.
 */
export async function writeBm1Content(api: ApiHarness, groupId: string) {
  const workspace = (await api.services.groups.workspace(groupId))!
  const bm1 = workspace.meetings.find((m) => m.kind === 'bm1')!
  const uppstart = workspace.meetings.find((m) => m.kind === 'uppstart')!
  const [first, second] = workspace.organisations.filter((o) => o.memberRole === 'benchmarking')
  await api.services.writer.change(workspace.group.room, (doc) => {
    checklist2019.items.forEach((item, index) => {
      setChecklistScore(doc, first!.id, 'bm1', item.id, bm1Scores.first[index]!)
      setChecklistScore(doc, second!.id, 'bm1', item.id, bm1Scores.second[index]!)
    })
    const agenda = readAgenda(doc, bm1.id)
    for (const item of agenda) updateAgendaItem(doc, bm1.id, item.id, { done: false })
    updateAgendaItem(doc, bm1.id, agenda[0]!.id, { done: true })
    const question = readMatrix(doc, bm1.id).questions[0]!
    const answer = getMatrixAnswer(doc, bm1.id, question.id, first!.id)!
    answer.delete(0, answer.length)
    answer.insert(0, texts.answer)
    addPdsaPlan(doc, {
      organisationId: first!.id,
      plannedAtMeetingId: bm1.id,
      aim: texts.plannedAim,
    })
    const followed = addPdsaPlan(doc, {
      organisationId: second!.id,
      plannedAtMeetingId: uppstart.id,
      followUpMeetingId: bm1.id,
      aim: texts.followedAim,
    })
    updatePdsaPlan(doc, followed, { status: 'studerad', decision: 'anta' })
    getPdsaField(doc, followed, 'act')!.insert(0, texts.act)
  })
  return { workspace, bm1, first: first!, second: second! }
}

/** The app on a fresh database without the demo round: where a backup is restored. */
export async function startEmptyApi() {
  const temp = makeTempDatabase()
  const config = readConfig({
    DATABASE_URL: temp.url,
    PUBLIC_URL,
    LOG_LEVEL: 'silent',
    SEED_DEMO: '0',
    ROOM_GRACE_MS: '100',
    CLIENT_DIR: temp.dir,
  })
  const logger = createLogger('silent')
  const database = await openDatabase({ url: config.databaseUrl })
  const services = createServices(database, config, logger)
  const app = createApp(services, config, logger)
  return {
    app,
    services,
    databaseUrl: config.databaseUrl,
    async close() {
      await services.rooms.shutdown()
      await services.close()
      database.close()
      temp.remove()
    },
  }
}
