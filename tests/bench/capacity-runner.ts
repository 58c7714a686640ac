/**
 * A client runner of `npm run bench:capacity`: its own process holding whole rooms of the
 * load's y-websocket clients (connectClients and driveEdits of load.ts, as in every bench),
 * so the clients are not bound to the orchestrating process's one thread. Every client of a
 * room lives in the same runner, so an edit's send time and its arrivals are read on one
 * clock. Over the IPC channel (advanced serialisation, latencies as a Float64Array) the
 * bench asks it to connect more rooms and to drive the edits of every room it holds; with
 * each result it reports its own CPU time and event-loop delay (a runner whose loop lags
 * adds that lag to every latency it records). Exits when the bench goes away.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { sleep } from '../helpers/clients.ts'
import { connectYWebsocket, type ClientEndpoint } from './adapters/adapter.ts'
import { connectLight, destroyLight, driveLight, type LightClient } from './capacity-light.ts'
import {
  connectClients,
  destroyClients,
  driveEdits,
  type BenchClient,
  type LoadShape,
} from './load.ts'

export type RunnerRequest =
  | { type: 'connect'; id: number; rooms: { room: string; endpoints: ClientEndpoint[] }[] }
  | { type: 'drive'; id: number; shape: LoadShape; drainMs: number }

export interface RunnerDriveResult {
  edits: number
  deliveries: number
  expectedDeliveries: number
  latencies: Float64Array
  windowMs: number
  /** This runner's CPU time (user + system) while it drove the edits, µs. */
  cpuMicros: number
  /** Its event loop's p99 and max delay meanwhile, ms. */
  loopDelayP99Ms: number
  loopDelayMaxMs: number
}

export type RunnerReply =
  | { type: 'connected'; id: number; clients: number }
  | ({ type: 'driven'; id: number } & RunnerDriveResult)
  | { type: 'failed'; id: number; error: string }

const send = (reply: RunnerReply) => process.send?.(reply)

// y-websocket's providers each add a process 'exit' listener.
process.setMaxListeners(0)
process.on('disconnect', () => process.exit(0))

/** 'light' (the first argument): capacity-light.ts's clients; otherwise load.ts's. */
const light = process.argv[2] === 'light'
const byRoom: BenchClient[][] = []
const lightByRoom: LightClient[][] = []
const loopDelay = monitorEventLoopDelay({ resolution: 5 })
loopDelay.enable()

/** Light clients, `batch` sockets at a time, each batch synced before the next (as load.ts). */
async function connectLightRooms(rooms: { room: string; endpoints: ClientEndpoint[] }[]) {
  const specs = rooms.flatMap(({ room, endpoints }) =>
    endpoints.map((endpoint, slot) => ({ room, endpoint, slot })),
  )
  const made = rooms.map((): LightClient[] => [])
  for (let i = 0; i < specs.length; i += 50) {
    const batch = specs.slice(i, i + 50).map(({ room, endpoint, slot }) => {
      const client = connectLight(endpoint, room, slot)
      made[rooms.findIndex((r) => r.room === room)]?.push(client)
      return client
    })
    const deadline = performance.now() + 60_000
    while (!batch.every((c) => c.provider.synced)) {
      if (performance.now() > deadline) throw new Error('light clients did not sync in time')
      await sleep(10)
    }
  }
  lightByRoom.push(...made)
}

async function handle(request: RunnerRequest): Promise<RunnerReply> {
  if (request.type === 'connect' && light) {
    await connectLightRooms(request.rooms)
    return { type: 'connected', id: request.id, clients: lightByRoom.flat().length }
  }
  if (request.type === 'connect') {
    const endpoints = new Map(request.rooms.map((r) => [r.room, r.endpoints]))
    const perRoom = request.rooms[0]?.endpoints.length ?? 0
    const made = await connectClients(
      {
        connect: (room, slot, doc) => {
          const endpoint = endpoints.get(room)?.[slot]
          if (!endpoint) throw new Error(`no endpoint for ${room}/${slot}`)
          return connectYWebsocket(endpoint.url, room, slot, doc, endpoint.params)
        },
      },
      request.rooms.map((r) => r.room),
      perRoom,
      { timeoutMs: 60_000 },
    )
    byRoom.push(...made)
    return { type: 'connected', id: request.id, clients: byRoom.flat().length }
  }
  loopDelay.reset()
  const before = process.cpuUsage()
  const result = light
    ? await driveLight(lightByRoom, request.shape, request.drainMs)
    : await driveEdits(byRoom, request.shape, request.drainMs)
  const cpu = process.cpuUsage(before)
  return {
    type: 'driven',
    id: request.id,
    ...result,
    cpuMicros: cpu.user + cpu.system,
    loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
    loopDelayMaxMs: loopDelay.max / 1e6,
  }
}

process.on('message', (request: RunnerRequest) => {
  handle(request).then(send, (error: unknown) =>
    send({ type: 'failed', id: request.id, error: String(error) }),
  )
})
process.on('exit', () => {
  destroyClients(byRoom)
  for (const clients of lightByRoom) destroyLight(clients)
})
