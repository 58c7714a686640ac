/** @y/websocket-server 0.1.1 (tests/bench/servers/y-websocket-server.ts) with y-websocket clients. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type * as Y from 'yjs'
import { freePort } from '../../helpers/ports.ts'
import { spawnServerProcess } from '../child.ts'
import type { BenchClient } from '../load.ts'
import { connectYWebsocket, type ServerAdapter } from './adapter.ts'

/** As it ships: persists nothing (the reference for CPU and p99). */
export const startYWebsocketServer = () =>
  startVariant({ id: 'y-websocket-server', label: '@y/websocket-server', env: {} })

/**
 * With its own persistence switched on (YPERSISTENCE: y-leveldb, each update stored after
 * it is relayed, without waiting): what a persisting y-websocket server costs.
 */
export async function startYWebsocketServerLeveldb(): Promise<ServerAdapter> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-y-leveldb-'))
  const adapter = await startVariant({
    id: 'y-websocket-server-leveldb',
    label: '@y/websocket-server + y-leveldb',
    env: { YPERSISTENCE: dir },
  })
  return {
    ...adapter,
    stop: async () => {
      await adapter.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

interface Variant {
  id: Extract<ServerAdapter['id'], 'y-websocket-server' | 'y-websocket-server-leveldb'>
  label: string
  env: Record<string, string>
}

async function startVariant({ id, label, env }: Variant): Promise<ServerAdapter> {
  const port = await freePort()
  const spawn = () =>
    spawnServerProcess({
      label: id,
      script: 'tests/bench/servers/y-websocket-server.ts',
      env: { PORT: String(port), HOST: '127.0.0.1', ...env },
    })
  let server = await spawn()
  return {
    id,
    label,
    get server() {
      return server
    },
    restart: async (whileDown) => {
      await server.stop(10_000)
      whileDown()
      server = await spawn()
      return { readyAt: performance.now() }
    },
    prepare: async () => {},
    endpoint: () => ({ url: `ws://127.0.0.1:${port}`, params: {} }),
    connect(room: string, slot: number, doc: Y.Doc): BenchClient {
      // Same client and options as for our relay; only the URL differs (no /ws, no session).
      return connectYWebsocket(`ws://127.0.0.1:${port}`, room, slot, doc)
    },
    stop: () => server.stop(),
  }
}
