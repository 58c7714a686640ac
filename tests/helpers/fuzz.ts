import { expect } from 'vitest'
import type * as Y from 'yjs'
import { loadDoc } from '../../server/domain/doc-writer.ts'
import type { DocStore } from '../../server/storage/doc-store.ts'
import { checklistScoresOf } from '../../shared/workspace/index.ts'
import { sleep, waitFor, type TestClient } from './clients.ts'
import type { makePrng } from './prng.ts'
import { testText } from './workspace.ts'

type Prng = ReturnType<typeof makePrng>

/** How many kinds of edit `randomEdit` knows: a fuzz step rolls below this to edit. */
const EDIT_KINDS = 6

/**
 * The fuzz loop: each step draws a client, then a kind of step; kinds below EDIT_KINDS are
 * random edits of that client's document, the others are the test's own (`other`:
 * connections coming and going, pauses). Same draws in the same order for every test.
 */
export async function fuzzSteps(options: {
  random: Prng
  steps: number
  clients: readonly TestClient[]
  kinds: number
  other(kind: number, index: number): Promise<void> | void
}): Promise<void> {
  const { random, clients } = options
  for (let step = 0; step < options.steps; step++) {
    const index = random.int(clients.length)
    const kind = random.int(options.kinds)
    if (kind < EDIT_KINDS) randomEdit(random, (clients[index] as TestClient).doc, kind, step)
    else await options.other(kind, index)
  }
}

/**
 * One random edit of kind `kind` (0–5: text insert ×2, text delete, list insert, list delete,
 * score set). The fuzz tests share it, so their pinned seeds keep drawing the same numbers.
 * It writes inside the workspace schema (the update gate refuses anything else): the text is
 * test text 't', the list is test text 'list' with one line per entry, the map is the
 * checklist scores under test keys.
 */
function randomEdit(random: Prng, doc: Y.Doc, kind: number, step: number): void {
  const text = testText(doc, 't')
  const list = lineList(testText(doc, 'list'))
  switch (kind) {
    case 0:
    case 1:
      text.insert(random.int(text.length + 1), random.pick(['a', 'bc', 'å', 'ö ', 'def']))
      break
    case 2:
      if (text.length > 0) {
        const at = random.int(text.length)
        text.delete(at, Math.min(1 + random.int(3), text.length - at))
      }
      break
    case 3:
      list.insert(random.int(list.length + 1), step)
      break
    case 4:
      if (list.length > 0) list.delete(random.int(list.length))
      break
    case 5: {
      const key = random.pick(['score', 'title', 'done'])
      checklistScoresOf(doc).set(`test|${key}`, 1 + (step % 3))
      break
    }
  }
}

/**
 * A list of numbers kept in a Y.Text, one line per entry. Each entry is inserted as one
 * whole line at a line boundary and deleted as that whole line, so concurrent edits keep
 * every line whole: the entries converge like a Y.Array's.
 */
function lineList(text: Y.Text) {
  // Where each line starts (every line ends with '\n', so none is empty).
  const offsets: number[] = []
  let at = 0
  for (const line of text.toString().split('\n').slice(0, -1)) {
    offsets.push(at)
    at += line.length + 1
  }
  return {
    length: offsets.length,
    insert(index: number, entry: number): void {
      text.insert(offsets[index] ?? text.length, `${entry}\n`)
    },
    delete(index: number): void {
      const start = offsets[index] as number
      text.delete(start, (offsets[index + 1] ?? text.length) - start)
    },
  }
}

/** The fuzzed document's content, comparable across replicas. */
const fuzzContent = (doc: Y.Doc) =>
  JSON.stringify({
    text: testText(doc, 't').toString(),
    list: testText(doc, 'list').toString(),
    // Y.Map's key order depends on arrival order; the content does not.
    map: Object.entries(checklistScoresOf(doc).toJSON()).sort(([a], [b]) => a.localeCompare(b)),
  })

/**
 * The end of a fuzz run: every client connects again, all replicas come to agree within
 * `timeoutMs`, and the stored state (snapshots + log, after compactions) is that document.
 */
export async function expectConvergence(
  clients: readonly TestClient[],
  stored: { store: DocStore; room: string },
  timeoutMs: number,
  what: string,
): Promise<void> {
  for (const client of clients) if (!client.provider.shouldConnect) client.provider.connect()
  await waitFor(
    () =>
      clients.every((c) => c.provider.synced) &&
      new Set(clients.map((c) => fuzzContent(c.doc))).size === 1,
    timeoutMs,
    what,
  )
  const expected = fuzzContent(clients[0]!.doc)
  for (const client of clients) expect(fuzzContent(client.doc)).toBe(expected)
  await sleep(100) // the last commits
  expect(fuzzContent(await loadDoc(stored.store, stored.room))).toBe(expected)
}
