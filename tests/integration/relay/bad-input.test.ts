import { WebSocket } from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../../server/server.ts'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'
import { connectClient, waitFor, waitForSync, type TestClient } from '../../helpers/clients.ts'
import { makeTempDatabase } from '../../helpers/database.ts'
import { createTestGroup, joinGroup, type TestGroup } from '../../helpers/fixtures.ts'
import { startTestServer } from '../../helpers/server.ts'

const MAX_MESSAGE_BYTES = 64 * 1024

describe('relay: bad input closes only the offending connection', () => {
  let database: ReturnType<typeof makeTempDatabase>
  let server: RunningServer
  let group: TestGroup
  let session: string
  let anna: TestClient
  let bo: TestClient

  beforeAll(async () => {
    database = makeTempDatabase()
    server = await startTestServer(database.url, {
      MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES),
      MAX_AWARENESS_BYTES: '1024',
      MESSAGES_PER_SECOND: '50',
      MESSAGE_BURST: '100',
    })
    group = await createTestGroup(server.services.db, server.services.invitations, 'trasigt')
    // A facilitator, who may write anywhere: the cases are about bad frames, not permissions.
    session = await joinGroup(server.url, group.invites.facilitator, 'Anna')
    anna = connectClient(server.url, group.room, session)
    bo = connectClient(server.url, group.room, session)
    await Promise.all([waitForSync(anna), waitForSync(bo)])
  })
  afterAll(async () => {
    anna.destroy()
    bo.destroy()
    await server.close()
    database.remove()
  })

  /** Sends frames on a raw socket and resolves with the close code the server chose. */
  const closeCodeAfter = (frames: (Buffer | string)[]) =>
    new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(
        `${server.url.replace(/^http/, 'ws')}/ws/${group.room}?session=${session}`,
      )
      socket.on('open', () => {
        for (const frame of frames) socket.send(frame)
      })
      socket.on('close', (code) => resolve(code))
      socket.on('error', () => undefined)
      setTimeout(() => reject(new Error('the server did not close the connection')), 5000)
    })

  /** What Anna wrote after each case: a checklist score per label (a schema-valid edit). */
  const written: string[] = []
  const scores = (client: TestClient) => client.doc.getMap<number>('checklistScores')

  const stillWorks = async (label: string) => {
    written.push(label)
    scores(anna).set(label, 2)
    await waitFor(() => scores(bo).has(label), 5000, `relay after ${label}`)
    const health = await fetch(`${server.url}/healthz`)
    expect(health.status).toBe(200)
  }

  const seeded = (seed: number, length: number): Buffer => {
    let state = seed
    return Buffer.from(
      Array.from({ length }, () => {
        state = (state * 1103515245 + 12345) & 0x7fffffff
        return state & 0xff
      }),
    )
  }

  it.each([
    ['a truncated varint', [Buffer.from([0x80])]],
    ['an unknown message type', [Buffer.from([0x63, 0x00])]],
    [
      'a sync message whose length runs past the frame',
      [Buffer.from([0x00, 0x02, 0xff, 0x7f, 0x01])],
    ],
    ['an unknown sync step', [Buffer.from([0x00, 0x07, 0x00])]],
    ['a text frame', ['hello']],
  ])('%s → MalformedMessage', async (label, frames) => {
    expect(await closeCodeAfter(frames)).toBe(CloseCode.MalformedMessage)
    await stillWorks(label)
  })

  it('a garbage Yjs update in a well-formed frame → UpdateRefused (by the update gate)', async () => {
    const frame = Buffer.concat([Buffer.from([0x00, 0x02, 0x10]), Buffer.alloc(16, 0xff)])
    expect(await closeCodeAfter([frame])).toBe(CloseCode.UpdateRefused)
    await stillWorks('garbage')
  })

  it('random bytes as a Yjs update (seeded) → closed, never crash', async () => {
    for (const seed of [1, 7, 42, 1337, 65537, 9001, 31337]) {
      // sync/update header, length 200 (varint 0xc8 0x01), then noise for Yjs to decode
      const frame = Buffer.concat([Buffer.from([0x00, 0x02, 0xc8, 0x01]), seeded(seed, 200)])
      // The gate refuses what it cannot read; what it reads but Yjs cannot apply is malformed.
      expect([CloseCode.UpdateRefused, CloseCode.MalformedMessage]).toContain(
        await closeCodeAfter([frame]),
      )
    }
    await stillWorks('random')
  })

  it('an oversized frame → MessageTooLarge', async () => {
    expect(await closeCodeAfter([Buffer.alloc(MAX_MESSAGE_BYTES + 1, 0)])).toBe(
      CloseCode.MessageTooLarge,
    )
    await stillWorks('oversized')
  })

  it('an oversized awareness state → MessageTooLarge', async () => {
    const payload = Buffer.alloc(2000, 0x20)
    // type 1 (awareness), varUint8Array length 2000 (0xd0 0x0f), payload
    expect(await closeCodeAfter([Buffer.concat([Buffer.from([0x01, 0xd0, 0x0f]), payload])])).toBe(
      CloseCode.MessageTooLarge,
    )
    await stillWorks('awareness')
  })

  it('a flood of messages → RateLimited', async () => {
    const query = Buffer.from([0x03]) // query-awareness, harmless on its own
    expect(await closeCodeAfter(Array.from({ length: 500 }, () => query))).toBe(
      CloseCode.RateLimited,
    )
    await stillWorks('flood')
  })

  it('nothing was lost for the well-behaved clients', async () => {
    await stillWorks('last') // also when this case runs alone
    const keys = (client: TestClient) => [...scores(client).keys()].sort()
    expect(keys(bo)).toEqual(keys(anna))
    expect(keys(anna)).toEqual([...written].sort())
  })
})
