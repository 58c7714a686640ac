/** @y/websocket-server 0.1.1 (tests/bench/servers/y-websocket-server.ts) with y-websocket clients. */
import type * as Y from 'yjs'
import { freePort } from '../../helpers/ports.ts'
import { spawnServerProcess } from '../child.ts'
import type { BenchClient } from '../load.ts'
import { connectYWebsocket, type ServerAdapter } from './adapter.ts'

export async function startYWebsocketServer(): Promise<ServerAdapter> {
  const port = await freePort()
  const server = await spawnServerProcess({
    label: 'y-websocket-server',
    script: 'tests/bench/servers/y-websocket-server.ts',
    env: { PORT: String(port), HOST: '127.0.0.1' },
    ready: 'ipc',
  })
  return {
    id: 'y-websocket-server',
    label: '@y/websocket-server',
    server,
    prepare: async () => {},
    connect(room: string, slot: number, doc: Y.Doc): BenchClient {
      // Same client and options as for our relay; only the URL differs (no /ws, no session).
      return connectYWebsocket(`ws://127.0.0.1:${port}`, room, slot, doc)
    },
    stop: () => server.stop(),
  }
}
