import type { ServerAdapter } from './adapter.ts'
import { startHocuspocus } from './hocuspocus.ts'
import { startOurs, startOursMemoryLog, startOursNoPolicy, startOursUnchecked } from './ours.ts'
import { startYWebsocketServer, startYWebsocketServerLeveldb } from './y-websocket-server.ts'

/** Every server the bench knows, ours first (the ratios are ours / each other). */
export const starters: Record<ServerAdapter['id'], () => Promise<ServerAdapter>> = {
  ours: startOurs,
  'y-websocket-server': startYWebsocketServer,
  hocuspocus: startHocuspocus,
  'ours-memory-log': startOursMemoryLog,
  'y-websocket-server-leveldb': startYWebsocketServerLeveldb,
  'ours-unchecked': startOursUnchecked,
  'ours-no-policy': startOursNoPolicy,
}

export const isServerId = (id: string): id is ServerAdapter['id'] => id in starters
