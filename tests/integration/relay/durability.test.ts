import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../db/client.ts'
import { createInvitations } from '../../../server/auth/invitations.ts'
import { connectClient, waitFor, waitForSync, type TestClient } from '../../helpers/clients.ts'
import { makeTempDatabase } from '../../helpers/database.ts'
import { createTestGroup, joinGroup, type TestGroup } from '../../helpers/fixtures.ts'
import { freePort } from '../../helpers/ports.ts'
import { spawnServer, type ServerProcess } from '../../helpers/server.ts'
import { appendLine, linesOf } from '../../helpers/workspace.ts'

const CYCLES = 20

describe('relay: durability across process death', () => {
  let database: ReturnType<typeof makeTempDatabase>
  let group: TestGroup
  let port: number

  beforeAll(async () => {
    database = makeTempDatabase()
    const handle = await openDatabase({ url: database.url })
    group = await createTestGroup(handle.db, createInvitations(handle.db), 'krasch')
    handle.close()
    port = await freePort()
  })
  afterAll(() => database.remove())

  const contentSeenByFreshClient = async (
    server: ServerProcess,
    session: string,
  ): Promise<string[]> => {
    const fresh = connectClient(server.url, group.room, session)
    try {
      await waitForSync(fresh, 10_000)
      return linesOf(fresh.doc, 'edits')
    } finally {
      fresh.destroy()
    }
  }

  it(
    `keeps every relayed edit through ${CYCLES} kill -9 cycles`,
    { timeout: 180_000 },
    async () => {
      let server = await spawnServer(database.url, port)
      const session = await joinGroup(server.url, group.invites.participant, 'Krasch')
      const expected: string[] = []
      for (let cycle = 0; cycle < CYCLES; cycle++) {
        // Fresh documents each cycle, so no client can re-upload what the server lost.
        const writer = connectClient(server.url, group.room, session)
        const observer = connectClient(server.url, group.room, session)
        await Promise.all([waitForSync(writer, 10_000), waitForSync(observer, 10_000)])
        const edits = [`cycle-${cycle}-a`, `cycle-${cycle}-b`, `cycle-${cycle}-c`]
        for (const edit of edits) appendLine(writer.doc, edit, 'edits')
        expected.push(...edits)
        await waitFor(
          () => linesOf(observer.doc, 'edits').length === expected.length,
          10_000,
          'relay',
        )
        server.child.kill('SIGKILL') // the moment the edit was seen by another participant
        await server.exited
        writer.destroy()
        observer.destroy()
        server = await spawnServer(database.url, port)
        const stored = await contentSeenByFreshClient(server, session)
        expect(stored).toEqual(expected)
      }
      server.child.kill('SIGTERM')
      expect((await server.exited).code).toBe(0)
    },
  )

  it(
    'stores pending edits on SIGTERM, exits 0, and a reconnecting client resends the rest',
    { timeout: 60_000 },
    async () => {
      let server = await spawnServer(database.url, port)
      const session = await joinGroup(server.url, group.invites.participant, 'Term')
      const writer: TestClient = connectClient(server.url, group.room, session)
      const observer = connectClient(server.url, group.room, session)
      await Promise.all([waitForSync(writer), waitForSync(observer)])
      const before = linesOf(observer.doc, 'edits').length
      for (let i = 0; i < 300; i++) appendLine(writer.doc, `term-${i}`, 'edits')
      await waitFor(() => linesOf(observer.doc, 'edits').length > before, 10_000, 'first relay')
      server.child.kill('SIGTERM')
      const exit = await server.exited
      expect(exit.code).toBe(0)
      expect(server.output()).toContain('shutting down')
      const seen = linesOf(observer.doc, 'edits')
      observer.destroy()

      server = await spawnServer(database.url, port)
      const stored = await contentSeenByFreshClient(server, session)
      // Everything any participant saw was stored before the process ended…
      expect(stored.slice(0, seen.length)).toEqual(seen)
      // …and the writer, reconnecting, hands over whatever had not reached the server.
      await waitFor(
        () => writer.provider.wsconnected && writer.provider.synced,
        10_000,
        'writer reconnect',
      )
      await waitFor(
        () => linesOf(writer.doc, 'edits').length === before + 300,
        10_000,
        'writer complete',
      )
      const fresh = connectClient(server.url, group.room, session)
      await waitForSync(fresh)
      await waitFor(
        () => linesOf(fresh.doc, 'edits').length === before + 300,
        10_000,
        'all 300 stored',
      )
      fresh.destroy()
      writer.destroy()
      server.child.kill('SIGTERM')
      expect((await server.exited).code).toBe(0)
    },
  )
})
