import { eq } from 'drizzle-orm'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sessions } from '../../../db/schema.ts'
import { hashToken } from '../../../server/auth/tokens.ts'
import { loadDoc } from '../../../server/domain/doc-writer.ts'
import { encodeUpdate } from '../../../server/relay/protocol.ts'
import type { RunningServer } from '../../../server/server.ts'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'
import { WriteRefusal } from '../../../shared/workspace/write-policy.ts'
import { connectClient, sleep, waitFor, waitForSync } from '../../helpers/clients.ts'
import { makeTempDatabase } from '../../helpers/database.ts'
import { createTestGroup, joinGroup, type TestGroup } from '../../helpers/fixtures.ts'
import { startTestServer } from '../../helpers/server.ts'
import { testText } from '../../helpers/workspace.ts'

/** Opens a raw WebSocket and reports how the upgrade went and what bytes arrived. */
function tryUpgrade(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; received: number }>((resolve) => {
    const socket = new WebSocket(url, { headers })
    let received = 0
    socket.on('message', (data: Buffer) => (received += data.byteLength))
    socket.on('unexpected-response', (_request, response) => {
      resolve({ status: response.statusCode ?? 0, received })
      socket.terminate()
    })
    socket.on('open', () =>
      setTimeout(() => (socket.close(), resolve({ status: 101, received })), 200),
    )
    socket.on('error', () => undefined)
  })
}

describe('relay: access', () => {
  let database: ReturnType<typeof makeTempDatabase>
  let server: RunningServer
  let groupA: TestGroup
  let groupB: TestGroup
  let wsBase: string

  beforeAll(async () => {
    database = makeTempDatabase()
    server = await startTestServer(database.url)
    groupA = await createTestGroup(server.services.db, server.services.invitations, 'grupp-a')
    groupB = await createTestGroup(server.services.db, server.services.invitations, 'grupp-b')
    wsBase = server.url.replace(/^http/, 'ws') + '/ws'
    // Group A has content that must never reach an outsider.
    const session = await joinGroup(server.url, groupA.invites.participant, 'Anna')
    const writer = connectClient(server.url, groupA.room, session)
    await waitForSync(writer)
    testText(writer.doc).insert(0, 'hemligt innehåll')
    await sleep(100)
    writer.destroy()
  })
  afterAll(async () => {
    await server.close()
    database.remove()
  })

  it('refuses an upgrade without a session (401) before sending any document byte', async () => {
    const result = await tryUpgrade(`${wsBase}/${groupA.room}`)
    expect(result).toEqual({ status: 401, received: 0 })
  })

  it('refuses a bogus session (401)', async () => {
    const result = await tryUpgrade(`${wsBase}/${groupA.room}?session=${'x'.repeat(43)}`)
    expect(result.status).toBe(401)
    expect(result.received).toBe(0)
  })

  it("refuses group B's session in group A's room (403), by query and by cookie", async () => {
    const sessionB = await joinGroup(server.url, groupB.invites.facilitator, 'Bertil')
    expect((await tryUpgrade(`${wsBase}/${groupA.room}?session=${sessionB}`)).status).toBe(403)
    const byCookie = await tryUpgrade(`${wsBase}/${groupA.room}`, {
      cookie: `mr_session_${groupA.room}=${sessionB}`,
    })
    expect(byCookie).toEqual({ status: 403, received: 0 })
  })

  it('accepts the session cookie of the right room', async () => {
    const session = await joinGroup(server.url, groupA.invites.participant, 'Per')
    const result = await tryUpgrade(`${wsBase}/${groupA.room}`, {
      cookie: `mr_session_${groupA.room}=${session}`,
    })
    expect(result.status).toBe(101)
    expect(result.received).toBeGreaterThan(0)
  })

  it("refuses a viewer's writes: they reach no one, are not stored, and the viewer is told and closed (4423)", async () => {
    const viewerSession = await joinGroup(server.url, groupA.invites.viewer, 'Vera')
    const participantSession = await joinGroup(server.url, groupA.invites.participant, 'Pia')
    const viewer = connectClient(server.url, groupA.room, viewerSession)
    const participant = connectClient(server.url, groupA.room, participantSession)
    const denied: string[] = []
    const closeCodes: number[] = []
    viewer.provider.on('connection-close', (event) => event && closeCodes.push(event.code))
    const warn = console.warn
    console.warn = (...args: unknown[]) => denied.push(args.join(' '))
    try {
      await Promise.all([waitForSync(viewer), waitForSync(participant)])
      expect(testText(viewer.doc).toString()).toBe('hemligt innehåll')
      testText(viewer.doc).insert(0, 'VIEWER ')
      await waitFor(() => closeCodes.includes(CloseCode.WriteRefused), 5000, 'the refusal')
      await waitFor(
        () => denied.some((line) => line.includes(WriteRefusal.ReadOnly)),
        5000,
        'read-only notice',
      )
      testText(participant.doc).insert(0, 'P ')
      const late = connectClient(server.url, groupA.room, participantSession)
      await waitForSync(late)
      await waitFor(() => testText(late.doc).toString().includes('P '), 5000, 'the edit')
      expect(testText(late.doc).toString()).not.toContain('VIEWER')
      late.destroy()
    } finally {
      console.warn = warn
      viewer.destroy()
      participant.destroy()
    }
    expect(testText(participant.doc).toString()).not.toContain('VIEWER')
    const doc = await loadDoc(server.services.store, groupA.room)
    expect(testText(doc).toString()).toContain('P ')
    expect(testText(doc).toString()).not.toContain('VIEWER')
  })

  it("lets a viewer's page send back what the room already has (a late local copy): no refusal", async () => {
    const viewerSession = await joinGroup(server.url, groupA.invites.viewer, 'Vilma')
    const viewer = connectClient(server.url, groupA.room, viewerSession)
    const closeCodes: number[] = []
    viewer.provider.on('connection-close', (event) => event && closeCodes.push(event.code))
    try {
      await waitForSync(viewer)
      // What a page whose IndexedDB copy loaded after the socket opened sends: its whole state.
      const echo = Y.encodeStateAsUpdate(viewer.doc)
      viewer.provider.ws?.send(encodeUpdate(echo))
      const refused = connectClient(server.url, groupA.room, viewerSession)
      await waitForSync(refused)
      // A real change from the same viewer is still refused, after the echo was judged.
      testText(refused.doc).insert(0, 'NEJ ')
      await waitFor(() => refused.provider.wsconnected === false, 5000, 'the refusal')
      refused.destroy()
      expect(closeCodes).toEqual([])
      expect(viewer.provider.wsconnected).toBe(true)
    } finally {
      viewer.destroy()
    }
  })

  /**
   * Two members of group A, both connected; `end` ends the first one's session. Its socket
   * must close with 4401 while the other stays, and the ended session is refused at the
   * upgrade when the provider tries again.
   */
  async function endOneOfTwoSessions(options: {
    names: [ending: string, staying: string]
    beforeConnect?: (token: string) => Promise<void>
    end: (token: string, closeCodes: readonly number[]) => Promise<void>
  }) {
    const [endingName, stayingName] = options.names
    const ending = await joinGroup(server.url, groupA.invites.participant, endingName)
    const stayer = await joinGroup(server.url, groupA.invites.participant, stayingName)
    await options.beforeConnect?.(ending)
    const leaving = connectClient(server.url, groupA.room, ending)
    const staying = connectClient(server.url, groupA.room, stayer)
    const closeCodes: number[] = []
    leaving.provider.on('connection-close', (event) => event && closeCodes.push(event.code))
    try {
      await Promise.all([waitForSync(leaving), waitForSync(staying)])
      await options.end(ending, closeCodes)
      await waitFor(() => closeCodes.includes(CloseCode.SessionExpired), 5000, 'close 4401')
      expect(staying.provider.wsconnected).toBe(true)
      expect((await tryUpgrade(`${wsBase}/${groupA.room}?session=${ending}`)).status).toBe(401)
    } finally {
      leaving.destroy()
      staying.destroy()
    }
  }

  it("leaving the group closes that session's open connections (4401) and no others", () =>
    endOneOfTwoSessions({
      names: ['Lämnar', 'Stannar'],
      end: async (token) => {
        const response = await fetch(`${server.url}/api/rooms/${groupA.room}/leave`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
        })
        expect(response.status).toBe(200)
      },
    }))

  it('a session that expires while its connection is open is closed then (4401), no others', () =>
    endOneOfTwoSessions({
      names: ['Går ut', 'Stannar kvar'],
      // The session's real row is given a near end, as if it had been made 400 days ago.
      beforeConnect: async (token) => {
        await server.services.db
          .update(sessions)
          .set({ expiresAt: new Date(Date.now() + 1500) })
          .where(eq(sessions.tokenHash, hashToken(token)))
      },
      // Nothing to do but wait: the session has not ended yet when both are in sync.
      end: async (_token, closeCodes) => {
        expect(closeCodes).toEqual([])
      },
    }))
})
