import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { organisations } from '../../../db/schema.ts'
import { ensureDemo } from '../../../server/demo/ensure-demo.ts'
import { loadDoc } from '../../../server/domain/doc-writer.ts'
import { demoOrganisations } from '../../../server/demo/round.ts'
import { hashToken } from '../../../server/auth/tokens.ts'
import { PUBLIC_URL, startApi, type ApiHarness } from './harness.ts'

const tables = [
  'cohorts',
  'organisations',
  'groups',
  'group_organisations',
  'meetings',
  'invitations',
  'settings',
  'doc_updates',
  'doc_snapshots',
] as const

describe('demo round', () => {
  let api: ApiHarness
  beforeAll(async () => {
    api = await startApi()
  })
  afterAll(async () => {
    await api.close()
  })

  const counts = async () => {
    const result: Record<string, number> = {}
    for (const table of tables) {
      const rows = await api.database.client.execute(`SELECT count(*) AS n FROM ${table}`)
      result[table] = Number(rows.rows[0]?.n)
    }
    return result
  }

  it('holds all six 2019 municipal groups and the two region groups', () => {
    expect(api.round.groups.map((g) => g.room)).toEqual([
      'askersund-fagersta',
      'botkyrka-vasteras',
      'nordmaling-ornskoldsvik-robertsfors',
      'trelleborg-olofstrom-ostra-goinge',
      'sodertalje-ostersund',
      'norrbottens-kommuner',
      'gotland-varmland-vasterbotten',
      'gavleborg-halland-norrbotten',
    ])
    for (const group of api.round.groups) {
      expect(group.room).toMatch(/^[A-Za-z0-9_-]{1,64}$/)
      expect(Object.keys(group.invites).sort()).toEqual(['facilitator', 'participant', 'viewer'])
      expect(new Set(Object.values(group.invites)).size).toBe(3)
    }
  })

  it('stores real SCB municipality codes', async () => {
    const rows = await api.database.db.select().from(organisations)
    const code = (name: string) => rows.find((r) => r.name === name)?.municipalityCode
    expect(code('Askersunds kommun')).toBe('1882')
    expect(code('Botkyrka kommun')).toBe('0127')
    expect(code('Malmö stad')).toBe('1280')
    expect(code('Piteå kommun')).toBe('2581')
    expect(code('Förbundet Norrbottens kommuner')).toBeNull()
    for (const row of rows.filter((r) => r.kind === 'kommun')) {
      expect(row.municipalityCode).toMatch(/^\d{4}$/)
    }
    expect(rows).toHaveLength(demoOrganisations.length)
  })

  it('stores only hashes of the demo tokens, reusable and long-lived', async () => {
    const token = api.group('askersund-fagersta').invites.facilitator
    const rows = await api.database.client.execute({
      sql: 'SELECT token_hash, max_uses, expires_at FROM invitations WHERE token_hash = ?',
      args: [hashToken(token)],
    })
    expect(rows.rows).toHaveLength(1)
    expect(rows.rows[0]?.max_uses).toBeNull()
    expect(Number(rows.rows[0]?.expires_at)).toBeGreaterThan(Date.now() + 700 * 86_400_000)
    const all = await api.database.client.execute('SELECT token_hash FROM invitations')
    const stored = JSON.stringify(all.rows)
    expect(stored).not.toContain(token)
  })

  const stateVectors = async () => {
    const vectors: Record<string, string> = {}
    for (const group of api.round.groups) {
      const doc = await loadDoc(api.services.store, group.room)
      vectors[group.room] = Buffer.from(Y.encodeStateVector(doc)).toString('hex')
    }
    return vectors
  }

  it('is idempotent: a second run returns the same tokens and adds no rows', async () => {
    const before = await counts()
    expect(before.groups).toBe(8)
    expect(before.meetings).toBe(40)
    expect(before.invitations).toBe(24)
    const docsBefore = await stateVectors()

    const again = await ensureDemo(api.services, { publicUrl: PUBLIC_URL })
    expect(again).toEqual(api.round)
    expect(await counts()).toEqual(before)

    // Through the live rooms (as `npm start` does): still nothing new in any workspace.
    const live = await ensureDemo(api.services, { publicUrl: PUBLIC_URL, live: true })
    expect(live).toEqual(api.round)
    await api.services.rooms.shutdown()
    const after = await counts()
    // Unloading compacts rooms, folding log entries into snapshots; nothing else changes.
    expect({ ...after, doc_updates: 0, doc_snapshots: 0 }).toEqual({
      ...before,
      doc_updates: 0,
      doc_snapshots: 0,
    })
    expect(await stateVectors()).toEqual(docsBefore)
  })
})
