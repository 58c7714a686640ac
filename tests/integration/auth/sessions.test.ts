import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../../../db/client.ts'
import { participants, sessions as sessionRows } from '../../../db/schema.ts'
import { createInvitations } from '../../../server/auth/invitations.ts'
import { createSessions, type Sessions } from '../../../server/auth/sessions.ts'
import { createMembers } from '../../../server/domain/members.ts'
import { makeTempDatabase } from '../../helpers/database.ts'
import { createTestGroup } from '../../helpers/fixtures.ts'

/**
 * The session check on an embedded database reads through its own connection with the
 * statement prepared once (db/local-session-lookup.ts). It must answer exactly as the
 * general lookup does, and see every change another connection commits at once: a
 * revoked, expired or removed member's next request is refused.
 */
describe('session lookup on its own prepared connection', () => {
  let temp: ReturnType<typeof makeTempDatabase>
  let handle: DatabaseHandle
  let prepared: Sessions
  let general: Sessions
  let groupId: string

  beforeAll(async () => {
    temp = makeTempDatabase()
    handle = await openDatabase({ url: temp.url })
    if (!handle.sessionLookup) throw new Error('a file database has the prepared lookup')
    prepared = createSessions(handle.db, handle.sessionLookup)
    general = createSessions(handle.db)
    groupId = (await createTestGroup(handle.db, createInvitations(handle.db), 'uppslag')).id
  })
  afterAll(async () => {
    await handle.close()
    temp.remove()
  })

  const member = (displayName: string, organisationId: string | null = null) =>
    prepared.start({
      groupId,
      role: 'participant',
      displayName,
      organisationId,
      function: 'nyckelperson',
    })

  it('answers as the general lookup does, and nothing for an unknown token', async () => {
    const { token, participantId } = await member('Anna')
    const found = await prepared.find(token)
    expect(found).toEqual(await general.find(token))
    expect(found).toMatchObject({
      groupId,
      room: 'uppslag',
      role: 'participant',
      roundLead: false,
      participant: { id: participantId, displayName: 'Anna', function: 'nyckelperson' },
    })
    expect(found?.expiresAt).toBeInstanceOf(Date)
    expect(await prepared.find('x'.repeat(43))).toBeNull()
  })

  it('refuses a revoked session at once', async () => {
    const { token } = await member('Bertil')
    const session = await prepared.find(token)
    expect(session).not.toBeNull()
    await general.revoke(session?.sessionId ?? '')
    expect(await prepared.find(token)).toBeNull()
  })

  it('refuses a session past its end, and one shortened by another connection', async () => {
    const { token } = await member('Cecilia')
    const session = await prepared.find(token)
    const end = session?.expiresAt.getTime() ?? 0
    expect(await prepared.find(token, new Date(end - 1))).not.toBeNull()
    expect(await prepared.find(token, new Date(end))).toBeNull()
    await handle.db
      .update(sessionRows)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .where(eq(sessionRows.id, session?.sessionId ?? ''))
    expect(await prepared.find(token)).toBeNull()
  })

  it('sees a role change and a removal made through the members service at once', async () => {
    const members = createMembers(handle.db)
    const { token, participantId } = await member('David')
    await members.changeRole(groupId, participantId, 'viewer')
    expect((await prepared.find(token))?.role).toBe('viewer')
    expect((await prepared.find(token))?.participant.role).toBe('viewer')
    await members.remove(groupId, participantId)
    expect(await prepared.find(token)).toBeNull()
  })

  it('names a round lead who entered the group', async () => {
    const { token, participantId } = await member('Eva')
    await handle.db
      .update(participants)
      .set({ leadId: 'lead-1' })
      .where(eq(participants.id, participantId))
    expect((await prepared.find(token))?.roundLead).toBe(true)
    expect(await prepared.find(token)).toEqual(await general.find(token))
  })

  it('holds no read transaction between lookups: a checkpoint empties the WAL', async () => {
    const { token } = await member('Fredrik')
    expect(await prepared.find(token)).not.toBeNull()
    const result = await handle.client.execute('PRAGMA wal_checkpoint(TRUNCATE)')
    expect(result.rows[0]?.busy).toBe(0)
  })
})
