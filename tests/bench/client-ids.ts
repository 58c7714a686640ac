/**
 * `npm run bench:client-ids`: what one more Yjs client id in a room's doc costs each update
 * the relay applies. Yjs takes the doc's state vector twice per transaction, walking every
 * client id the doc holds (yjs/yjs#415), and each page load that edits used to add one;
 * the board now reuses this device's ids (client/src/sync/client-ids.ts). For docs holding
 * 20 to 2,000 ids: µs per applied one-character update (median of BENCH_RUNS passes of
 * BENCH_UPDATES updates each), and the ratio to the doc with 20.
 * Not a test: figures move with the machine's load.
 */
import * as Y from 'yjs'
import { envNumber } from './env.ts'
import { median } from './metrics.ts'

const runs = envNumber('BENCH_RUNS', 5)
const updatesPerRun = envNumber('BENCH_UPDATES', 5_000)
const idCounts = [20, 100, 500, 1_000, 2_000]

/** A doc with `ids` client ids (each wrote one character), as the relay holds it. */
function docWithIds(ids: number): Y.Doc {
  const writes = Array.from({ length: ids }, (_, i) => {
    const writer = new Y.Doc()
    writer.clientID = i + 1
    writer.getText('answer').insert(0, 'x')
    return Y.encodeStateAsUpdate(writer)
  })
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.mergeUpdates(writes))
  return doc
}

/** One member's keystrokes against the doc's state, each a separate update. */
function keystrokes(doc: Y.Doc, count: number): Uint8Array[] {
  const member = new Y.Doc()
  member.clientID = 10_000_000
  Y.applyUpdate(member, Y.encodeStateAsUpdate(doc))
  const updates: Uint8Array[] = []
  member.on('update', (update: Uint8Array) => updates.push(update))
  for (let i = 0; i < count; i++) member.getText('answer').insert(0, 'a')
  return updates
}

const results: { ids: number; us: number }[] = []
for (const ids of idCounts) {
  const passes: number[] = []
  for (let run = 0; run < runs; run++) {
    const doc = docWithIds(ids)
    const updates = keystrokes(doc, updatesPerRun)
    const start = performance.now()
    for (const update of updates) Y.applyUpdate(doc, update)
    passes.push(((performance.now() - start) * 1000) / updates.length)
  }
  results.push({ ids, us: median(passes) })
}
const base = results[0]?.us ?? NaN
for (const { ids, us } of results)
  console.info(
    `${String(ids).padStart(5)} client ids: ${us.toFixed(1)} µs per applied update (${(us / base).toFixed(1)}× the doc with ${idCounts[0]})`,
  )
