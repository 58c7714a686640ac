import * as Y from 'yjs'
import { checklistCommentsOf } from '../../shared/workspace/index.ts'

/**
 * Texts the relay tests write in. The update gate refuses anything outside the workspace's
 * schema (shared/workspace/schema.ts), so tests write into real workspace texts: checklist
 * comments under test keys, created by the "server" (in the group's stored log) before any
 * client connects, as the server creates a meeting's structure.
 */
const testTextNames = ['notes', 'log', 'edits', 'list', 't'] as const
export type TestTextName = (typeof testTextNames)[number]

const keyOf = (name: TestTextName): string => `test|${name}`

/**
 * The client id that makes the test structure. Fixed, so every call encodes the very same
 * update: a doc seeded with it locally (a raw writer's own doc, a bench client on a server
 * that stores nothing up front) holds the same texts as the stored log, and Yjs dedupes it
 * instead of two clients creating the same nested type, which would lose one of them.
 */
const TEST_STRUCTURE_CLIENT = 0x7e57

/** The structure tests write in, as one update (stored before the first connection). */
export function testWorkspaceUpdate(): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = TEST_STRUCTURE_CLIENT
  doc.transact(() => {
    for (const name of testTextNames) checklistCommentsOf(doc).set(keyOf(name), new Y.Text())
  })
  return Y.encodeStateAsUpdate(doc)
}

/** A test text of a synced replica. */
export function testText(doc: Y.Doc, name: TestTextName = 'notes'): Y.Text {
  const text = checklistCommentsOf(doc).get(keyOf(name))
  if (!(text instanceof Y.Text)) throw new Error(`test text ${name} missing: is the client synced?`)
  return text
}

/** Appends a line to a test text (what tests used arrays of labels for). */
export function appendLine(doc: Y.Doc, line: string, name: TestTextName = 'log'): void {
  const text = testText(doc, name)
  text.insert(text.length, `${line}\n`)
}

/** The lines of a test text. */
export const linesOf = (doc: Y.Doc, name: TestTextName = 'log'): string[] =>
  testText(doc, name).toString().split('\n').filter(Boolean)

/** The updates a change makes on a replica, one per transaction, as its provider sends them. */
export function updatesOf(doc: Y.Doc, change: () => void): Uint8Array[] {
  const updates: Uint8Array[] = []
  const collect = (update: Uint8Array) => updates.push(update)
  doc.on('update', collect)
  try {
    change()
  } finally {
    doc.off('update', collect)
  }
  return updates
}
