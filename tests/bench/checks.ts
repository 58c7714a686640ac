/**
 * `npm run bench:checks-micro`: what the relay's checks cost per update, in-process and
 * without the network's noise, on the bench load's own edits (a few characters into a text
 * and a checklist score at a fresh key, by five members of a room, into a room already
 * holding a year-long workspace's worth of structure). Times, per update: Yjs applying it
 * to the room's document (which the relay does anyway), the update gate, and the write
 * policy. Divided by the deliveries per update (members − 1), the last two are the checks'
 * CPU per delivery; set against ours's CPU per delivery from the last `npm run bench`
 * (bench-results/latest.json) they give the checks' share. Not a test.
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import * as Y from 'yjs'
import { makeUpdateGate } from '../../server/relay/update-gate.ts'
import { writeRefusal } from '../../server/relay/write-check.ts'
import { Role } from '../../shared/roles.ts'
import { checklistScoresOf, initialiseMeeting } from '../../shared/workspace/index.ts'
import { testText, testWorkspaceUpdate } from '../helpers/workspace.ts'
import { makePrng } from '../helpers/prng.ts'
import { repoRoot } from './child.ts'

const MEMBERS = 5
const UPDATES = 20_000
const ROUNDS = 5

/** The bench load's edits, in the order members would send them, as updates. */
function benchEdits(): { room: Y.Doc; updates: Uint8Array[] } {
  const room = new Y.Doc()
  Y.applyUpdate(room, testWorkspaceUpdate())
  for (const meetingId of ['uppstart', 'bm1', 'bm2', 'bm3', 'resultatkonferens'] as const)
    initialiseMeeting(room, {
      meetingId,
      kind: meetingId,
      organisationIds: ['askersund', 'fagersta', 'hedemora'],
      checklistVersionId: 'skr-2019',
    })
  const members = Array.from({ length: MEMBERS }, () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(room))
    return doc
  })
  const prng = makePrng(42)
  const updates: Uint8Array[] = []
  for (let seq = 0; seq < UPDATES; seq++) {
    const slot = seq % MEMBERS
    const doc = members[slot]!
    // Members see each other's edits, as through the relay.
    for (const update of updates.slice(-MEMBERS)) Y.applyUpdate(doc, update)
    const text = testText(doc, 'notes')
    const made: Uint8Array[] = []
    const collect = (update: Uint8Array) => made.push(update)
    doc.on('update', collect)
    doc.transact(() => {
      text.insert(Math.floor(prng.next() * (text.length + 1)), 'abc'.slice(0, 1 + prng.int(3)))
      checklistScoresOf(doc).set(`bench|${slot}:${seq}`, 1 + (seq % 3))
    })
    doc.off('update', collect)
    updates.push(...made)
  }
  return { room, updates }
}

function timePerUpdate(run: (room: Y.Doc, update: Uint8Array) => void): number {
  const results: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const { room, updates } = fresh()
    const started = process.cpuUsage()
    for (const update of updates) run(room, update)
    const used = process.cpuUsage(started)
    results.push((used.user + used.system) / updates.length)
  }
  return results.sort((a, b) => a - b)[Math.floor(results.length / 2)]!
}

let cached: { room: Uint8Array; updates: Uint8Array[] } | null = null
function fresh(): { room: Y.Doc; updates: Uint8Array[] } {
  if (!cached) {
    const made = benchEdits()
    cached = { room: Y.encodeStateAsUpdate(made.room), updates: made.updates }
  }
  const room = new Y.Doc()
  Y.applyUpdate(room, cached.room)
  return { room, updates: cached.updates }
}

const writer = { role: Role.Participant, participantId: 'bench' }
const apply = timePerUpdate((room, update) => Y.applyUpdate(room, update))
// One gate per room, as the relay keeps it (its type paths are remembered across updates).
const gates = new WeakMap<Y.Doc, ReturnType<typeof makeUpdateGate>>()
const gateOf = (room: Y.Doc) => gates.get(room) ?? gates.set(room, makeUpdateGate(room)).get(room)!
const gated = timePerUpdate((room, update) => {
  gateOf(room)(update)
  Y.applyUpdate(room, update)
})
const policed = timePerUpdate((room, update) => {
  const verdict = gateOf(room)(update)
  if (verdict.kind === 'accept') writeRefusal(room, writer, verdict.touches)
  Y.applyUpdate(room, update)
})
const gate = Math.max(0, gated - apply)
const policy = Math.max(0, policed - gated)
const perDelivery = (micros: number) => micros / (MEMBERS - 1)

const latest = resolve(repoRoot, 'bench-results/latest.json')
const ours = existsSync(latest)
  ? (
      JSON.parse(readFileSync(latest, 'utf8')) as {
        summaries?: { server: string; cpuMicrosPerDelivery: number }[]
      }
    ).summaries?.find((s) => s.server === 'ours')?.cpuMicrosPerDelivery
  : undefined

const line = (name: string, micros: number) =>
  `  ${name.padEnd(34)} ${micros.toFixed(2).padStart(7)} µs/update ${perDelivery(micros).toFixed(2).padStart(6)} µs/delivery` +
  (ours ? `  ${((perDelivery(micros) / ours) * 100).toFixed(1).padStart(5)} % of ours` : '')
console.log(
  `checks on the bench load's edits (${UPDATES} updates, rooms of ${MEMBERS}, median of ${ROUNDS}):`,
)
console.log(line('Yjs applies it (done anyway)', apply))
console.log(line('update gate', gate))
console.log(line('write policy', policy))
console.log(line('gate + policy', gate + policy))
console.log(
  ours
    ? `  (ours: ${ours.toFixed(1)} µs per delivery in bench-results/latest.json)`
    : '  (no bench-results/latest.json: run npm run bench for the share of ours)',
)
