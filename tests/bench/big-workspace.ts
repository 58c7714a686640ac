/**
 * `npm run bench:big`: a group after a year, on the real server and its libSQL store.
 * The demo round is seeded through the CLI; one of its groups gets a sixth meeting, then a
 * year of edits (tests/helpers/year-workspace.ts: every agenda worked through, every matrix
 * answer written, the checklist scored and commented at every phase, 20 PDSA plans with
 * every field) written through the relay by real clients, one session after another (each
 * visit a new Yjs client), so the log, its compactions and the snapshots are the server's
 * own. Then, as medians of BENCH_RUNS:
 * - cold room load: `rooms.acquire` of the unloaded room (read snapshot and log, apply,
 *   migrate), and its parts: the store's read and Yjs applying it;
 * - first sync to a new client: the room's time from a sync step 1 with an empty state
 *   vector to the sync step 2 sent (server time, no network);
 * - the document's size (encoded state) and what the store holds for it;
 * - keystroke-to-paint on that board in headless Chromium: 100 keystrokes typed into a
 *   matrix answer, each from keydown to the first task after the next animation frame
 *   (the frame that paints the change), p50 and p95;
 * - a returning participant's first board content on that board's agenda (a browser with a
 *   profile on disk, the device's copy of the whole workspace kept), from navigation.
 * Targets (issue 14): cold load ≤ 30 ms, first sync ≤ 50 ms, keystroke-to-paint p95 ≤ 50 ms.
 * Not a test: figures move with the machine's load; read the medians.
 *
 * Env: BENCH_RUNS (7), BENCH_KEYSTROKES (100), BENCH_EDITS_PER_VISIT (200),
 * BENCH_CLIENT_DIR (a built client; else built now).
 */
import { spawnSync } from 'node:child_process'
import * as Y from 'yjs'
import type { GroupWorkspaceResponse } from '../../shared/api.ts'
import { readConfig } from '../../server/config.ts'
import { createLogger } from '../../server/log.ts'
import { encodeSyncStep1 } from '../../server/relay/protocol.ts'
import type { RoomConnection } from '../../server/relay/room.ts'
import { startServer, type RunningServer } from '../../server/server.ts'
import { connectClient, waitFor, waitForSync } from '../helpers/clients.ts'
import { makeTempDatabase } from '../helpers/database.ts'
import { getMatrixAnswer, readMatrix } from '../../shared/workspace/index.ts'
import { yearOfEdits, type Edit } from '../helpers/year-workspace.ts'
import type { DemoGroup } from '../helpers/demo-round.ts'
import { clientBuild, launchBrowserProfile, launchChromium } from './browser/product.ts'
import type { BoardContentTimes } from './browser/first-content.ts'
import { firstVisit, joinGroup, timedVisit } from './browser/returning.ts'
import { measureKeystrokes } from './browser/keystrokes.ts'
import { envNumber } from './env.ts'
import { median, percentile } from './metrics.ts'

const runs = envNumber('BENCH_RUNS', 7)
const keystrokes = envNumber('BENCH_KEYSTROKES', 100)
const editsPerVisit = envNumber('BENCH_EDITS_PER_VISIT', 200)
const GROUP = 'botkyrka-vasteras'
/** Realistic lengths: a matrix answer is a paragraph, a comment a sentence. */
const SIZE = { answerWords: 70, commentWords: 14, pdsaWords: 45, plans: 20, piece: 30 }
const GRACE_MS = 300

const logger = createLogger('error')
const fmt = (values: number[]) =>
  `median ${median(values).toFixed(1)} ms (runs: ${values.map((v) => v.toFixed(1)).join(', ')})`

function startBenchServer(databaseUrl: string, clientDir: string): Promise<RunningServer> {
  const config = readConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    CLIENT_DIR: clientDir,
    SEED_DEMO: '0',
    LOG_LEVEL: 'error',
    ROOM_GRACE_MS: String(GRACE_MS),
    // The year is written faster than people type: one client sends a visit's edits at once.
    MESSAGES_PER_SECOND: '100000',
    MESSAGE_BURST: '100000',
    BYTES_PER_SECOND: '104857600',
    BYTE_BURST: '104857600',
  })
  return startServer(config, logger)
}

async function api<T>(
  server: RunningServer,
  session: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${session}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

async function join(server: RunningServer, invite: string, name: string): Promise<string> {
  return (await api<{ session: string }>(server, '', 'POST', '/api/join', { invite, name })).session
}

/**
 * A participant's returning visits to the board at `path`, from a browser with its own
 * profile (as `npm run bench:client` on the demo board): first board content and the live
 * board's, ms.
 */
async function returningVisits(
  server: RunningServer,
  group: DemoGroup,
  path: string,
): Promise<BoardContentTimes[]> {
  const device = await launchBrowserProfile()
  try {
    await joinGroup(device.context, server.url, group.invites.participant, 'Bänk Återkommande')
    const url = `${server.url}${path}`
    await firstVisit(device.context, url)
    const times: BoardContentTimes[] = []
    for (let i = 0; i < runs; i++) times.push(await timedVisit(device.context, url))
    return times
  } finally {
    await device.close()
  }
}

/** Waits until the room has unloaded (its grace passed and its drain compacted it). */
const unloaded = (server: RunningServer, room: string) =>
  waitFor(() => server.services.rooms.loadedDoc(room) === undefined, 30_000, 'the room to unload')

/** The year's edits, written by one visit after another through the relay. */
async function writeYear(server: RunningServer, session: string, edits: Edit[]): Promise<number> {
  let visits = 0
  for (let start = 0; start < edits.length; start += editsPerVisit) {
    const client = connectClient(server.url, GROUP, session)
    await waitForSync(client, 20_000)
    for (const edit of edits.slice(start, start + editsPerVisit)) edit(client.doc)
    const room = await server.services.rooms.acquire(GROUP)
    const target = Y.encodeStateVector(client.doc)
    await waitFor(
      () => Buffer.from(Y.encodeStateVector(room.doc)).equals(Buffer.from(target)),
      30_000,
      'the visit to be relayed',
    )
    await room.whenPersisted()
    client.destroy()
    visits++
  }
  return visits
}

function fakeConnection(sent: (frame: Uint8Array) => void): RoomConnection {
  return {
    sessionId: 'bench',
    role: 'participant',
    participant: {
      id: 'bench',
      displayName: 'Bänk',
      organisationId: null,
      function: null,
      role: 'participant',
    },
    logger,
    send: sent,
    close: () => undefined,
  }
}

/** Cold loads and first syncs, each on a room unloaded before it. */
async function measureServer(server: RunningServer) {
  const { rooms, store } = server.services
  const loads: number[] = []
  const reads: number[] = []
  const applies: number[] = []
  const syncs: number[] = []
  for (let i = 0; i < runs; i++) {
    await unloaded(server, GROUP)
    let started = performance.now()
    const stored = await store.load(GROUP)
    reads.push(performance.now() - started)
    started = performance.now()
    const doc = new Y.Doc()
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
      for (const update of stored.updates) Y.applyUpdate(doc, update)
    })
    applies.push(performance.now() - started)
    doc.destroy()

    started = performance.now()
    const room = await rooms.acquire(GROUP)
    loads.push(performance.now() - started)

    let answered: (at: number) => void = () => undefined
    const answer = new Promise<number>((resolve) => (answered = resolve))
    // A sync step 2 starts with message type 0 (sync) then 1 (step 2).
    const connection = fakeConnection((frame) => {
      if (frame[0] === 0 && frame[1] === 1) answered(performance.now())
    })
    room.connect(connection)
    started = performance.now()
    room.message(connection, encodeSyncStep1(new Y.Doc()))
    syncs.push((await answer) - started)
    room.close(connection)
    rooms.leave(room, connection)
  }
  return { loads, reads, applies, syncs }
}

async function storedFigures(server: RunningServer) {
  const client = server.services.client
  const log = await client.execute({
    sql: 'SELECT count(*) AS n, coalesce(sum(length(data)), 0) AS bytes FROM doc_updates WHERE room = ?',
    args: [GROUP],
  })
  const snapshots = await server.services.store.listSnapshots(GROUP)
  const stored = await server.services.store.load(GROUP)
  return {
    logRows: Number(log.rows[0]?.n ?? 0),
    logBytes: Number(log.rows[0]?.bytes ?? 0),
    snapshots: snapshots.length,
    newestSnapshotBytes: stored.snapshot?.byteLength ?? 0,
    tail: stored.updates.length,
  }
}

async function main() {
  const build = clientBuild()
  const database = makeTempDatabase()
  const seeded = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'server/cli.ts', 'demo', '--json'],
    {
      env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  if (seeded.status !== 0) throw new Error('seeding the demo round failed')
  const group = (JSON.parse(seeded.stdout) as { groups: DemoGroup[] }).groups.find(
    (g) => g.room === GROUP,
  )
  if (!group) throw new Error(`the demo round has no ${GROUP}`)

  let server = await startBenchServer(database.url, build.dir)
  try {
    const facilitator = await join(server, group.invites.facilitator, 'Bänk Processledare')
    await api(server, facilitator, 'POST', `/api/rooms/${GROUP}/meetings`, { kind: 'extra' })
    const workspace = await api<GroupWorkspaceResponse>(
      server,
      facilitator,
      'GET',
      `/api/rooms/${GROUP}/group`,
    )
    const meetings = workspace.meetings.map((m) => ({ id: m.id, kind: m.kind }))
    const structure = connectClient(server.url, GROUP, facilitator)
    await waitForSync(structure)
    const edits = yearOfEdits(
      structure.doc,
      {
        meetings,
        organisationIds: workspace.organisations.map((o) => o.id),
        checklistVersionId: workspace.cohort.checklistVersion,
      },
      SIZE,
    )
    structure.destroy()
    const writing = performance.now()
    const visits = await writeYear(server, facilitator, edits)
    console.info(
      `wrote a year: ${meetings.length} meetings, ${workspace.organisations.length} organisations, ` +
        `${edits.length} edits in ${visits} visits (${((performance.now() - writing) / 1000).toFixed(1)} s)`,
    )
    await unloaded(server, GROUP)
    // A fresh process for the measurements: nothing of the room is in memory.
    await server.close()
    server = await startBenchServer(database.url, build.dir)

    const figures = await storedFigures(server)
    const { loads, reads, applies, syncs } = await measureServer(server)
    const room = await server.services.rooms.acquire(GROUP)
    const documentBytes = Y.encodeStateAsUpdate(room.doc).byteLength

    // Meanwhile another member types in another answer of the same board (an edit every
    // 200 ms), so the board also applies and renders remote updates between the keys.
    const bm1 = meetings.find((m) => m.kind === 'bm1')!
    const other = connectClient(server.url, GROUP, facilitator)
    await waitForSync(other)
    const question = readMatrix(other.doc, bm1.id).questions.at(-1)!
    const organisation = workspace.organisations.at(-1)!.id
    const remote = setInterval(() => {
      const text = getMatrixAnswer(other.doc, bm1.id, question.id, organisation)
      text?.insert(text.length, 'x')
    }, 200)
    const browser = await launchChromium()
    let typed: number[]
    try {
      typed = await measureKeystrokes(browser, {
        base: server.url,
        invite: group.invites.participant,
        path: `/g/${GROUP}/m/${bm1.id}?del=matris`,
        keystrokes,
      })
    } finally {
      clearInterval(remote)
      other.destroy()
      await browser.close()
    }
    const returning = await returningVisits(server, group, `/g/${GROUP}/m/${bm1.id}`)

    console.info(
      `document: ${(documentBytes / 1000).toFixed(0)} kB encoded; stored: newest snapshot ` +
        `${(figures.newestSnapshotBytes / 1000).toFixed(0)} kB + ${figures.tail} log entries after it ` +
        `(${figures.logRows} log rows, ${(figures.logBytes / 1000).toFixed(0)} kB; ${figures.snapshots} snapshots kept)`,
    )
    console.info(
      `cold room load (rooms.acquire): ${fmt(loads)}  [first in this process: ${loads[0]?.toFixed(1)} ms]`,
    )
    console.info(`  of which the store's read: ${fmt(reads)}`)
    console.info(`  and Yjs applying it: ${fmt(applies)}`)
    console.info(`first sync to a new client (server time): ${fmt(syncs)}`)
    console.info(
      `keystroke-to-paint, ${typed.length} keystrokes: p50 ${percentile(typed, 50).toFixed(1)} ms, ` +
        `p95 ${percentile(typed, 95).toFixed(1)} ms, max ${Math.max(...typed).toFixed(1)} ms`,
    )
    console.info('  (while another member typed in the same board every 200 ms)')
    console.info(
      `returning participant, first board content (the agenda): ` +
        fmt(returning.map((visit) => visit.firstMs)),
    )
    console.info(`  the live board: ${fmt(returning.map((visit) => visit.liveMs))}`)
    console.info('targets: cold load ≤ 30 ms, first sync ≤ 50 ms, keystroke-to-paint p95 ≤ 50 ms')
  } finally {
    await server.close()
    database.remove()
    build.remove()
  }
}

await main()
// Undici's keep-alive sockets to the closed server would hold the process a while.
process.exit(0)
