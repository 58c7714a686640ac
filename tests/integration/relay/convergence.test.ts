import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../../server/server.ts'
import {
  connectClient,
  sleep,
  waitFor,
  waitForSync,
  type TestClient,
} from '../../helpers/clients.ts'
import { makeTempDatabase } from '../../helpers/database.ts'
import { createTestGroup, joinGroup, type TestGroup } from '../../helpers/fixtures.ts'
import { startTestServer } from '../../helpers/server.ts'

describe('relay: two participants', () => {
  let database: ReturnType<typeof makeTempDatabase>
  let server: RunningServer
  let group: TestGroup
  const clients: TestClient[] = []

  beforeEach(async () => {
    database = makeTempDatabase()
    server = await startTestServer(database.url)
    group = await createTestGroup(server.services.db, server.services.invitations, 'askersund')
  })
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
    database.remove()
  })

  const connect = async (role: 'facilitator' | 'participant' | 'viewer', name: string) => {
    const session = await joinGroup(server.url, group.invites[role], name)
    const client = connectClient(server.url, group.room, session)
    clients.push(client)
    await waitForSync(client)
    return client
  }

  it('converges on concurrent edits and relays awareness', async () => {
    const anna = await connect('facilitator', 'Anna')
    const bo = await connect('participant', 'Bo')
    anna.doc.getText('notes').insert(0, 'Anna skriver. ')
    bo.doc.getText('notes').insert(0, 'Bo skriver. ')
    anna.doc.getArray('agenda').push(['Välkommen'])
    bo.doc.getArray('agenda').push(['Paus'])
    await waitFor(
      () =>
        anna.doc.getText('notes').length === bo.doc.getText('notes').length &&
        bo.doc.getArray('agenda').length === 2 &&
        anna.doc.getArray('agenda').length === 2,
      5000,
      'convergence',
    )
    expect(anna.doc.getText('notes').toString()).toBe(bo.doc.getText('notes').toString())
    expect(anna.doc.getText('notes').toString()).toContain('Anna skriver.')
    expect(anna.doc.getText('notes').toString()).toContain('Bo skriver.')

    anna.provider.awareness.setLocalStateField('user', { name: 'Anna' })
    await waitFor(
      () =>
        [...bo.provider.awareness.getStates().values()].some(
          (s) => (s as { user?: { name?: string } }).user?.name === 'Anna',
        ),
      5000,
      'awareness',
    )
    anna.destroy()
    await waitFor(() => bo.provider.awareness.getStates().size === 1, 5000, 'awareness removal')
  })

  it('serves a late joiner everything that was relayed', async () => {
    const anna = await connect('participant', 'Anna')
    for (let i = 0; i < 50; i++) anna.doc.getText('notes').insert(0, `${i};`)
    await sleep(100)
    const late = await connect('viewer', 'Sen')
    await waitFor(
      () => late.doc.getText('notes').length === anna.doc.getText('notes').length,
      5000,
      'late sync',
    )
    expect(late.doc.getText('notes').toString()).toBe(anna.doc.getText('notes').toString())
  })
})
