import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../../../db/client.ts'
import { createInvitations } from '../../../server/auth/invitations.ts'
import { createSessions } from '../../../server/auth/sessions.ts'
import { hashToken } from '../../../server/auth/tokens.ts'
import { makeTempDatabase } from '../../helpers/database.ts'
import { createTestGroup } from '../../helpers/fixtures.ts'

describe('tokens are random and stored only as hashes', () => {
  let temp: ReturnType<typeof makeTempDatabase>
  let handle: DatabaseHandle

  beforeAll(async () => {
    temp = makeTempDatabase()
    handle = await openDatabase({ url: temp.url })
  })
  afterAll(() => {
    handle.close()
    temp.remove()
  })

  // Stored hashes must stay comparable across releases: FIPS 180-2's "abc" vector.
  it('hashes a token with SHA-256, hex-encoded', () => {
    expect(hashToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
  })

  it('never writes an invitation or session token to the database file', async () => {
    const invitations = createInvitations(handle.db)
    const sessions = createSessions(handle.db)
    const group = await createTestGroup(handle.db, invitations, 'hemlig')
    const redeemed = await invitations.redeem(group.invites.participant)
    expect(redeemed.ok).toBe(true)
    const { token } = await sessions.start({
      groupId: group.id,
      role: 'participant',
      displayName: 'Anna',
      organisationId: null,
      function: null,
    })
    expect(await sessions.find(token)).not.toBeNull()
    await handle.client.execute('PRAGMA wal_checkpoint(TRUNCATE)')
    const bytes = readFileSync(temp.url.slice('file:'.length)).toString('latin1')
    for (const secret of [token, ...Object.values(group.invites)]) {
      expect(secret.length).toBeGreaterThanOrEqual(43) // 256 bits in base64url
      expect(bytes).not.toContain(secret)
      expect(bytes).toContain(hashToken(secret))
    }
  })

  it('makes a different token every time', async () => {
    const invitations = createInvitations(handle.db)
    const group = await createTestGroup(handle.db, invitations, 'olika')
    const tokens = new Set(Object.values(group.invites))
    expect(tokens.size).toBe(3)
  })

  it('honours expiry and use limits, atomically under concurrent joins', async () => {
    const invitations = createInvitations(handle.db)
    const group = await createTestGroup(handle.db, invitations, 'gransad')
    const limited = await invitations.create({
      groupId: group.id,
      role: 'participant',
      expiresAt: new Date(Date.now() + 60_000),
      maxUses: 3,
    })
    const results = await Promise.all(
      Array.from({ length: 8 }, () => invitations.redeem(limited.token)),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(3)
    expect(results.filter((r) => !r.ok && r.problem === 'invite_used_up')).toHaveLength(5)
    const expired = await invitations.create({
      groupId: group.id,
      role: 'viewer',
      expiresAt: new Date(Date.now() - 1000),
    })
    expect(await invitations.redeem(expired.token)).toEqual({
      ok: false,
      problem: 'invite_expired',
    })
    expect(await invitations.redeem('x'.repeat(43))).toEqual({
      ok: false,
      problem: 'invite_not_found',
    })
  })
})
