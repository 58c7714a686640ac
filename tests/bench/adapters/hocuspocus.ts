/** @hocuspocus/server 3.4 in memory, with HocuspocusProvider clients (one socket each). */
import { HocuspocusProvider, type HocuspocusProviderConfiguration } from '@hocuspocus/provider'
import { WebSocket } from 'ws'
import type * as Y from 'yjs'
import { freePort } from '../../helpers/ports.ts'
import { spawnServerProcess } from '../child.ts'
import type { BenchClient } from '../load.ts'
import { presenceFor, type ServerAdapter } from './adapter.ts'

export async function startHocuspocus(): Promise<ServerAdapter> {
  const port = await freePort()
  const server = await spawnServerProcess({
    label: 'hocuspocus',
    script: 'tests/bench/servers/hocuspocus.ts',
    env: { PORT: String(port), HOST: '127.0.0.1' },
  })
  return {
    id: 'hocuspocus',
    label: '@hocuspocus/server',
    server,
    prepare: async () => {},
    // Its clients are HocuspocusProviders, which bench:capacity's runners do not make.
    endpoint: () => {
      throw new Error('hocuspocus clients cannot run in a client runner')
    },
    connect(room: string, slot: number, doc: Y.Doc): BenchClient {
      // Without a websocketProvider the provider makes (and owns) its own socket from
      // these options, WebSocketPolyfill included.
      const provider = new HocuspocusProvider({
        url: `ws://127.0.0.1:${port}`,
        name: room,
        document: doc,
        WebSocketPolyfill: WebSocket,
      } as HocuspocusProviderConfiguration)
      provider.awareness?.setLocalState(presenceFor(room, slot))
      return {
        doc,
        synced: () => provider.isSynced,
        destroy: () => {
          provider.destroy()
          doc.destroy()
        },
      }
    },
    stop: () => server.stop(),
  }
}
