import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocket, type RawData } from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { count, eq } from 'drizzle-orm'
import { docUpdates } from '../../../db/schema.ts'
import type { RunningServer } from '../../../server/server.ts'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'
import { MessageType, SyncStep } from '../../../shared/protocol/messages.ts'
import { pdsaPlansOf } from '../../../shared/workspace/index.ts'
import { connectClient, waitFor, waitForSync, type TestClient } from '../../helpers/clients.ts'
import { makeTempDatabase } from '../../helpers/database.ts'
import { createTestGroup, joinGroup, type TestGroup } from '../../helpers/fixtures.ts'
import { startTestServer } from '../../helpers/server.ts'
import { testText, updatesOf } from '../../helpers/workspace.ts'

const MAX_DOCUMENT_BYTES = 400_000

const syncFrame = (step: number, payload: Uint8Array): Buffer => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  encoding.writeVarUint(encoder, step)
  encoding.writeVarUint8Array(encoder, payload)
  return Buffer.from(encoding.toUint8Array(encoder))
}

/** An update with only a delete set, one range for each of `clients`. */
function deletionsOfUnknownClients(clients: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, clients)
  for (let i = 0; i < clients; i++) {
    encoding.writeVarUint(encoder, 5_000_000 + i)
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint(encoder, 0)
    encoding.writeVarUint(encoder, 3)
  }
  return encoding.toUint8Array(encoder)
}

describe('relay: the update gate', () => {
  let database: ReturnType<typeof makeTempDatabase>
  let server: RunningServer
  let group: TestGroup
  let session: string
  let anna: TestClient
  let bo: TestClient

  beforeAll(async () => {
    database = makeTempDatabase()
    server = await startTestServer(database.url, {
      MAX_DOCUMENT_BYTES: String(MAX_DOCUMENT_BYTES),
      HELD_UPDATE_TIMEOUT_MS: '1000',
    })
    group = await createTestGroup(server.services.db, server.services.invitations, 'grind')
    session = await joinGroup(server.url, group.invites.participant, 'Anna')
    anna = connectClient(server.url, group.room, session)
    bo = connectClient(
      server.url,
      group.room,
      await joinGroup(server.url, group.invites.participant, 'Bo'),
    )
    await Promise.all([waitForSync(anna), waitForSync(bo)])
  })
  afterAll(async () => {
    anna.destroy()
    bo.destroy()
    await server.close()
    database.remove()
  })

  /** A raw socket of Anna's session; resolves with its close code and what it received. */
  function rawSocket(frames: () => Buffer[]) {
    const received: Uint8Array[] = []
    const socket = new WebSocket(
      `${server.url.replace(/^http/, 'ws')}/ws/${group.room}?session=${session}`,
    )
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)))
    socket.on('message', (data: RawData) => received.push(new Uint8Array(data as Buffer)))
    socket.on('open', () => {
      for (const frame of frames()) socket.send(frame)
    })
    socket.on('error', () => undefined)
    return { socket, closed, received }
  }

  /** A replica of the room as Anna's client has it now. */
  const replica = (): Y.Doc => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(anna.doc))
    return doc
  }

  const storedUpdates = async (): Promise<number> => {
    const [row] = await server.services.db
      .select({ n: count() })
      .from(docUpdates)
      .where(eq(docUpdates.room, group.room))
    return row?.n ?? 0
  }

  /** Anna's edits still reach Bo (the room is not frozen or broken). */
  const stillRelays = async (label: string) => {
    testText(anna.doc).insert(0, label)
    await waitFor(() => testText(bo.doc).toString().includes(label), 5000, `relay of ${label}`)
  }

  it('holds back updates sent out of order and closes a sender that sends too many (4409)', async () => {
    const doc = replica()
    const text = testText(doc, 't')
    const updates = updatesOf(doc, () => {
      for (let i = 0; i < 40; i++) doc.transact(() => text.insert(text.length, 'x'))
    })
    const raw = rawSocket(() => updates.reverse().map((u) => syncFrame(SyncStep.Update, u)))
    expect(await raw.closed).toBe(CloseCode.UpdatesOutOfOrder)
    await stillRelays('efter-oordning ')
    expect(testText(bo.doc, 't').toString()).not.toContain('x')
    const health = await fetch(`${server.url}/healthz`)
    expect(health.status).toBe(200)
  })

  it('applies an update held back once what it builds on arrives from the same sender', async () => {
    const doc = replica()
    const text = testText(doc, 't')
    const [first, second] = updatesOf(doc, () => {
      doc.transact(() => text.insert(0, 'A'))
      doc.transact(() => text.insert(1, 'B'))
    })
    const raw = rawSocket(() => [
      syncFrame(SyncStep.Update, second!),
      syncFrame(SyncStep.Update, first!),
    ])
    await waitFor(() => testText(bo.doc, 't').toString().includes('AB'), 5000, 'both updates')
    raw.socket.close()
  })

  it('refuses deletions of content of clients the room has never seen (4422), storing nothing', async () => {
    const before = await storedUpdates()
    const raw = rawSocket(() => [syncFrame(SyncStep.Update, deletionsOfUnknownClients(90_000))])
    expect(await raw.closed).toBe(CloseCode.UpdateRefused)
    expect(await storedUpdates()).toBe(before)
    await stillRelays('efter-raderingar ')
  })

  it('refuses a value of the wrong kind where a PDSA plan belongs (4422); nobody receives it', async () => {
    const doc = replica()
    const [update] = updatesOf(doc, () => pdsaPlansOf(doc).set('plan-x', 42 as never))
    const before = await storedUpdates()
    const raw = rawSocket(() => [syncFrame(SyncStep.Update, update!)])
    expect(await raw.closed).toBe(CloseCode.UpdateRefused)
    await stillRelays('efter-fel-typ ')
    expect(pdsaPlansOf(bo.doc).has('plan-x')).toBe(false)
    expect(await storedUpdates()).toBe(before + 1) // only Anna's label
  })

  it('refuses what would take the workspace past its size limit (4413)', async () => {
    const doc = replica()
    const text = testText(doc, 'edits')
    const chunk = 'å'.repeat(150_000) // ~300 kB in UTF-8
    const [first, second] = updatesOf(doc, () => {
      doc.transact(() => text.insert(0, chunk))
      doc.transact(() => text.insert(0, chunk))
    })
    const raw = rawSocket(() => [
      syncFrame(SyncStep.Update, first!),
      syncFrame(SyncStep.Update, second!),
    ])
    expect(await raw.closed).toBe(CloseCode.DocumentFull)
    await waitFor(() => testText(bo.doc, 'edits').length === chunk.length, 5000, 'the first chunk')
    expect(Y.encodeStateAsUpdate(bo.doc).byteLength).toBeLessThan(MAX_DOCUMENT_BYTES)
  })

  it('answers repeated requests for the whole state once', async () => {
    const emptyStateVector = Y.encodeStateVector(new Y.Doc())
    const raw = rawSocket(() =>
      Array.from({ length: 20 }, () => syncFrame(SyncStep.Step1, emptyStateVector)),
    )
    const frames = (step: number) =>
      raw.received.filter((frame) => {
        const decoder = decoding.createDecoder(frame)
        return (
          decoding.readVarUint(decoder) === MessageType.Sync &&
          decoding.readVarUint(decoder) === step
        )
      }).length
    const answers = () => frames(SyncStep.Step2)
    await waitFor(() => answers() >= 1, 5000, 'an answer')
    // An edit relayed to the raw socket after its requests were read: any further answers
    // to them would have been sent before it.
    await stillRelays('efter-förfrågningar ')
    await waitFor(() => frames(SyncStep.Update) >= 1, 5000, 'the relayed edit')
    raw.socket.close()
    await raw.closed
    expect(answers()).toBe(1)
  })
})
