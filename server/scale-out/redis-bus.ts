import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import type * as Ioredis from 'ioredis'
import { PEER_NODE_ID_BYTES, peerChannel } from '../../shared/protocol/peer.ts'
import type { ScaleOutConfig } from '../config.ts'
import type { Logger } from '../log.ts'
import { decodePeerMessage, encodePeerMessage, type PeerMessage } from './peer-message.ts'
import { makePeerSeal } from './peer-seal.ts'
import type { RoomBus } from './room-bus.ts'

/**
 * ioredis, loaded only by a server that scales out (REDIS_URL): its ~55 modules took
 * 62–77 ms of every start of a single node, which uses none of it.
 */
const loadIoredis = (): typeof Ioredis =>
  createRequire(import.meta.url)('ioredis') as typeof Ioredis

/**
 * The room bus on Redis pub/sub: one channel per room, one connection to publish and one
 * to subscribe (a subscribed Redis connection can do nothing else). Publishing never
 * queues: an update that cannot be published now is made up for by a resync once the
 * connection is back, not by an unbounded queue in memory.
 */
export function makeRedisBus({ redisUrl: url, peerKey }: ScaleOutConfig, logger: Logger): RoomBus {
  const { Redis } = loadIoredis()
  const nodeId = randomBytes(PEER_NODE_ID_BYTES)
  const seal = makePeerSeal(peerKey)
  const log = logger.child({ component: 'redis-bus' })
  const ignored = makeIgnoredMessageLog(log)
  const handlers = new Map<string, (message: PeerMessage) => void>()
  const reconnectListeners: (() => void)[] = []
  const publisher = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
  const subscriber = new Redis(url, { autoResubscribe: false, enableOfflineQueue: false })
  let closing = false

  subscriber.on('messageBuffer', (channelName: Buffer, sealed: Buffer) => {
    const channel = channelName.toString()
    const frame = seal.open(channel, sealed)
    if (!frame) return ignored(channel, 'not sealed with this deployment’s PEER_KEY')
    const decoded = decodePeerMessage(frame)
    if (!decoded.ok) return ignored(channel, decoded.reason)
    if (nodeId.equals(decoded.sender)) return
    handlers.get(channel)?.(decoded.message)
  })

  watch(publisher, 'publish', async () => undefined)
  // Our own (re)subscribing, not ioredis's: a SUBSCRIBE sent before the connection is
  // ready breaks its ready check, and the channels would then be lost with the reconnect.
  watch(subscriber, 'subscribe', async () => {
    if (handlers.size > 0) await subscriber.subscribe(...handlers.keys())
  })

  /**
   * Logs a failing connection once (not every retry) and, when it is ready again, tells the
   * rooms to resync: messages may have been missed meanwhile. Starts as lost, so rooms
   * loaded before the first connection are resynced too.
   */
  function watch(connection: Ioredis.Redis, role: string, whenReady: () => Promise<void>): void {
    const context = { connection: role }
    let lost = true
    let warned = false
    connection.on('error', (error: Error) => {
      if (!warned && !closing)
        log.warn('Redis unreachable; retrying', { ...context, reason: error.message })
      warned = true
      lost = true
    })
    connection.on('close', () => {
      lost = true
    })
    connection.on('ready', () => {
      if (warned) log.info('Redis reachable again; resyncing the rooms', context)
      warned = false
      if (!lost) return
      lost = false
      whenReady().then(
        () => reconnectListeners.forEach((listener) => listener()),
        (error: unknown) => log.warn('could not resubscribe', { ...context, error }),
      )
    })
  }

  async function subscribe(room: string, onMessage: (message: PeerMessage) => void) {
    handlers.set(peerChannel(room), onMessage)
    // While Redis is not ready the room loads anyway; 'ready' subscribes and resyncs it.
    if (subscriber.status === 'ready') await subscriber.subscribe(peerChannel(room)).catch(() => 0)
  }

  function unsubscribe(room: string): void {
    handlers.delete(peerChannel(room))
    if (subscriber.status === 'ready')
      subscriber.unsubscribe(peerChannel(room)).catch(() => undefined)
  }

  function publish(room: string, message: PeerMessage): void {
    if (publisher.status !== 'ready') return
    const channel = peerChannel(room)
    publisher
      .publish(channel, seal.seal(channel, encodePeerMessage(nodeId, message)))
      .catch(() => undefined)
  }

  /**
   * A connected publisher says QUIT after what it has sent (a CLI run's last publishes
   * arrive); anything not connected is just dropped, since nothing waits in a queue.
   */
  async function close(): Promise<void> {
    closing = true
    subscriber.disconnect()
    if (publisher.status !== 'ready') return publisher.disconnect()
    await publisher.quit().catch(() => publisher.disconnect())
  }

  return {
    subscribe,
    unsubscribe,
    publish,
    onReconnected: (listener) => void reconnectListeners.push(listener),
    status: () => (publisher.status === 'ready' && subscriber.status === 'ready' ? 'ok' : 'down'),
    close,
  }
}

/** At most one warning per minute, with how many were ignored since: a flood is not a log flood. */
const IGNORED_LOG_INTERVAL_MS = 60_000

function makeIgnoredMessageLog(log: Logger) {
  let lastWarned = -Infinity
  let since = 0
  return function ignored(channel: string, reason: string): void {
    since += 1
    const now = Date.now()
    if (now - lastWarned < IGNORED_LOG_INTERVAL_MS) return
    log.warn('ignored a message on a room channel', { channel, reason, ignored: since })
    lastWarned = now
    since = 0
  }
}
