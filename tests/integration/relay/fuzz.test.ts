import { afterEach, beforeEach, describe, it } from 'vitest'
import type { RunningServer } from '../../../server/server.ts'
import { connectClient, sleep, waitForSync, type TestClient } from '../../helpers/clients.ts'
import { makeTempDatabase } from '../../helpers/database.ts'
import { createTestGroup, joinGroup } from '../../helpers/fixtures.ts'
import { expectConvergence, fuzzSteps } from '../../helpers/fuzz.ts'
import { makePrng } from '../../helpers/prng.ts'
import { startTestServer } from '../../helpers/server.ts'

/**
 * Seeded convergence fuzzing: several clients edit at random, drop off and come back; in
 * the end every replica and the stored state agree. Seeds that once failed stay pinned
 * here as regression tests; FUZZ_SEED=<n> replays (or explores) one more.
 */
const PINNED_SEEDS = [1, 2, 3, 42, 20261122]
const extra = Number(process.env.FUZZ_SEED)
const seeds = Number.isInteger(extra) ? [...PINNED_SEEDS, extra] : PINNED_SEEDS
const CLIENTS = 5
const STEPS = Number(process.env.FUZZ_STEPS ?? 800)

describe('relay: seeded convergence fuzz', () => {
  let database: ReturnType<typeof makeTempDatabase>
  let server: RunningServer
  const clients: TestClient[] = []

  beforeEach(async () => {
    database = makeTempDatabase()
    server = await startTestServer(database.url, { COMPACT_AFTER_UPDATES: '100' })
  })
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
    database.remove()
  })

  it.each(seeds)('seed %i converges', { timeout: 60_000 }, async (seed) => {
    const random = makePrng(seed)
    const group = await createTestGroup(
      server.services.db,
      server.services.invitations,
      `fuzz-${seed}`,
    )
    const session = await joinGroup(server.url, group.invites.participant, 'Fuzz')
    for (let i = 0; i < CLIENTS; i++) clients.push(connectClient(server.url, group.room, session))
    await Promise.all(clients.map((client) => waitForSync(client)))

    await fuzzSteps({
      random,
      steps: STEPS,
      clients,
      kinds: 8,
      async other(kind, index) {
        const { provider } = clients[index] as TestClient
        if (kind === 7) {
          await sleep(random.int(5))
          return
        }
        if (provider.wsconnected || provider.wsconnecting) provider.disconnect()
        else provider.connect()
      },
    })

    const stored = { store: server.services.store, room: group.room }
    await expectConvergence(clients, stored, 20_000, `convergence of seed ${seed}`)
  })
})
