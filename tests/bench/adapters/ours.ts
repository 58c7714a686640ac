/**
 * Our relay as its own process, with auth and persistence on (a temporary libSQL file),
 * rate limits raised so the bench load is not throttled. Groups are written through the
 * real invitation service; every client joins through POST /api/join and connects with its
 * own session. The same with the update log in memory is the reference that shows what
 * persisting costs.
 */
import type * as Y from 'yjs'
import { openDatabase, type DatabaseHandle } from '../../../db/client.ts'
import { createInvitations } from '../../../server/auth/invitations.ts'
import { makeTempDatabase } from '../../helpers/database.ts'
import { createTestGroup, joinGroup, type TestGroup } from '../../helpers/fixtures.ts'
import { freePort } from '../../helpers/ports.ts'
import { spawnServerProcess } from '../child.ts'
import type { BenchClient } from '../load.ts'
import { connectYWebsocket, type ClientEndpoint, type ServerAdapter } from './adapter.ts'

interface OursVariant {
  id: Extract<ServerAdapter['id'], 'ours' | 'ours-memory-log' | 'ours-unchecked' | 'ours-no-policy'>
  label: string
  script: string
  env?: Record<string, string>
}

// What `npm start` runs: the server compiled by `npm run build:server`.
export const startOurs = () =>
  startVariant({
    id: 'ours',
    label: 'ours (auth+persist)',
    script: process.env.BENCH_OURS_ENTRY || 'dist/node/server/main.js',
  })

/** The same build with the update log in memory: persist-before-relay left out. */
export const startOursMemoryLog = () =>
  startVariant({
    id: 'ours-memory-log',
    label: 'ours, log in memory',
    script: 'tests/bench/servers/ours-memory-log.ts',
  })

/** The same build without the update gate and the write policy: what the checks cost. */
export const startOursUnchecked = () =>
  startVariant({
    id: 'ours-unchecked',
    label: 'ours, no gate/policy',
    script: 'tests/bench/servers/ours-unchecked.ts',
    env: { BENCH_RELAY_CHECKS: 'none' },
  })

/** The same build with the update gate but without the write policy. */
export const startOursNoPolicy = () =>
  startVariant({
    id: 'ours-no-policy',
    label: 'ours, no policy',
    script: 'tests/bench/servers/ours-unchecked.ts',
    env: { BENCH_RELAY_CHECKS: 'no-policy' },
  })

async function startVariant(variant: OursVariant): Promise<ServerAdapter> {
  const database = makeTempDatabase()
  let handle: DatabaseHandle | null = null
  try {
    // Migrated by the bench first; the server then finds the schema in place.
    handle = await openDatabase({ url: database.url })
    const port = await freePort()
    const spawn = () =>
      spawnServerProcess({
        label: variant.id,
        script: variant.script,
        env: {
          PORT: String(port),
          HOST: '127.0.0.1',
          DATABASE_URL: database.url,
          SEED_DEMO: '0',
          LOG_LEVEL: 'warn',
          MESSAGES_PER_SECOND: '100000',
          MESSAGE_BURST: '100000',
          MAX_CONNECTIONS_PER_ROOM: '10000',
          // Every bench client comes from 127.0.0.1, in batches of 50 connecting at once.
          MAX_PENDING_CONNECTIONS_PER_ADDRESS: '0',
          // Unload empty rooms soon, as the reference servers do, so rounds do not pile up.
          ROOM_GRACE_MS: '1000',
          ...variant.env,
        },
      })
    return oursAdapter(variant, spawn, await spawn(), port, handle, database.remove)
  } catch (error) {
    handle?.close()
    database.remove()
    throw error
  }
}

function oursAdapter(
  variant: OursVariant,
  spawn: () => ReturnType<typeof spawnServerProcess>,
  first: Awaited<ReturnType<typeof spawnServerProcess>>,
  port: number,
  handle: DatabaseHandle,
  removeDatabase: () => void,
): ServerAdapter {
  let server = first
  const baseUrl = `http://127.0.0.1:${port}`
  const invitations = createInvitations(handle.db)
  const groups = new Map<string, TestGroup>()
  const sessions = new Map<string, string>()

  async function prepare(rooms: readonly string[], perRoom: number): Promise<void> {
    const joins: { room: string; slot: number; invite: string }[] = []
    for (const room of rooms) {
      let group = groups.get(room)
      if (!group) {
        group = await createTestGroup(handle.db, invitations, room)
        groups.set(room, group)
      }
      for (let slot = 0; slot < perRoom; slot++) {
        if (!sessions.has(`${room}/${slot}`))
          joins.push({ room, slot, invite: group.invites.participant })
      }
    }
    // A few joins at a time: this is set-up, not the thing measured.
    for (let i = 0; i < joins.length; i += 8) {
      await Promise.all(
        joins.slice(i, i + 8).map(async ({ room, slot, invite }) => {
          sessions.set(`${room}/${slot}`, await joinGroup(baseUrl, invite, `Bench ${slot}`))
        }),
      )
    }
  }

  function endpoint(room: string, slot: number): ClientEndpoint {
    const session = sessions.get(`${room}/${slot}`)
    if (!session) throw new Error(`no session for ${room}/${slot}; prepare() first`)
    return { url: `ws://127.0.0.1:${port}/ws`, params: { session } }
  }

  function connect(room: string, slot: number, doc: Y.Doc): BenchClient {
    const { url, params } = endpoint(room, slot)
    return connectYWebsocket(url, room, slot, doc, params)
  }

  return {
    id: variant.id,
    label: variant.label,
    get server() {
      return server
    },
    prepare,
    endpoint,
    connect,
    restart: async (whileDown) => {
      await server.stop(10_000)
      whileDown()
      server = await spawn()
      return { readyAt: performance.now() }
    },
    stop: async () => {
      await server.stop()
      handle.close()
      removeDatabase()
    },
  }
}
