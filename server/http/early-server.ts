import {
  createServer,
  type IncomingMessage,
  type Server as HttpServer,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import type { ServerConfig } from '../config.ts'
import type { Logger } from '../log.ts'
import {
  httpServerOptions,
  limitPendingConnections,
  type ConnectionLimits,
} from './connection-limits.ts'

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void
type UpgradeListener = (request: IncomingMessage, socket: Duplex, head: Buffer) => void

/** A request or WebSocket handshake that arrived before the app was open. */
interface HeldArrival {
  request: IncomingMessage
  response?: ServerResponse
  upgrade?: { socket: Duplex; head: Buffer }
}

/** Of held arrivals, how long a turn hands them to the app before the loop goes round. */
const REPLAY_SLICE_MS = 4

export interface EarlyServerOptions {
  port: number
  host: string
  connections: ConnectionLimits
  /** Largest WebSocket message, bytes (the WebSocket server closes with 1009 above it). */
  maxMessageBytes: number
}

export const earlyServerOptions = (config: ServerConfig): EarlyServerOptions => ({
  port: config.port,
  host: config.host,
  connections: config.connections,
  maxMessageBytes: config.limits.maxMessageBytes,
})

/** The server's socket, listening before the app behind it has loaded. */
export interface EarlyServer {
  readonly server: HttpServer
  readonly wss: WebSocketServer
  readonly port: number
  /**
   * @hono/node-server's `createServer` option: the app's server is this one, and its
   * request listener the app's.
   */
  readonly adopt: typeof createServer
  /**
   * The app's handlers are in place: what was held meanwhile goes to them, in order. `pace`
   * hands later handshakes over (the rooms' turn pacing, relay/relay-scheduler.ts); without
   * it they go to the app at once.
   */
  open(pace?: Pace): void
}

/** Runs a task now, or after what waits once this turn has run for its slice. */
type Pace = (task: () => void) => void

/**
 * Listens at once, holding what arrives until `open`. Loading the app (compiling the
 * bundle, running its modules, opening the database) is most of a start: ~0.4 s, more
 * under load. A client that tried meanwhile was refused and backed off (y-websocket doubles
 * its wait: a member trying 0.7 s after a restart's close came back at 1.5 s); held, it is
 * answered as soon as the app is up. Connections count against the pending-connection
 * bound from their first byte, as always.
 */
export function listenEarly(options: EarlyServerOptions, logger: Logger): Promise<EarlyServer> {
  let app: RequestListener | null = null
  let opening = false
  let opened = false
  const held: HeldArrival[] = []
  /** How many of `held` went to the app (a storm holds thousands: no shift() for each). */
  let replayed = 0
  const server = createServer(httpServerOptions(options.connections), (request, response) => {
    if (opened) app?.(request, response)
    else held.push({ request, response })
  })
  const holdUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    held.push({ request, upgrade: { socket, head } })
  }
  server.on('upgrade', holdUpgrade)
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes })
  limitPendingConnections(server, wss, options.connections, logger)

  // http.createServer's overloads (options and listener, or the listener alone) are generic,
  // which no plain function type matches: hence the cast.
  const adopt = ((first?: unknown, second?: unknown) => {
    const listener = typeof first === 'function' ? first : second
    if (typeof listener === 'function') app = listener as RequestListener
    return server
  }) as typeof createServer

  /**
   * Hands what was held to the app, oldest first, `REPLAY_SLICE_MS` of it a turn: a restart
   * holds hundreds of its members' handshakes, each ~0.1–0.3 ms of the app's before it
   * queues for admission (relay/admission.ts), and all of them in one turn held the loop for
   * ~140 ms (`npm run bench:storm`). What arrives meanwhile is held behind them.
   */
  function replayHeld(appUpgrades: readonly UpgradeListener[], pace?: Pace): void {
    const until = performance.now() + REPLAY_SLICE_MS
    while (replayed < held.length && performance.now() < until) {
      const { request, response, upgrade } = held[replayed++] as HeldArrival
      if (upgrade)
        for (const listener of appUpgrades)
          listener.call(server, request, upgrade.socket, upgrade.head)
      else if (response) app?.(request, response)
    }
    if (replayed < held.length) {
      setImmediate(() => replayHeld(appUpgrades, pace))
      return
    }
    held.length = 0
    opened = true
    server.off('upgrade', holdUpgrade)
    if (!pace) {
      for (const listener of appUpgrades) server.on('upgrade', listener)
      return
    }
    // A wave of reconnects after the hand-over read hundreds of handshakes in one poll
    // phase, each handed to the app at once (78–96 ms turns in a storm, the main thread
    // never waiting for a core): paced, a turn hands them over for its slice.
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) =>
      pace(() => {
        for (const listener of appUpgrades) listener.call(server, request, socket, head)
      }),
    )
  }

  function open(pace?: Pace): void {
    if (opening) return
    opening = true
    // Called synchronously after the app attached its own 'upgrade' listeners, so none
    // arrives between; they get upgrades directly once everything held has gone to them.
    const appUpgrades = server
      .listeners('upgrade')
      .filter((listener) => listener !== holdUpgrade) as UpgradeListener[]
    for (const listener of appUpgrades) server.off('upgrade', listener)
    replayHeld(appUpgrades, pace)
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    const { port, host, connections } = options
    server.listen({ port, host, backlog: connections.listenBacklog }, () => {
      server.off('error', reject)
      const bound = server.address() as AddressInfo // the one given, or the one the OS chose for 0
      resolve({ server, wss, port: bound.port, adopt, open })
    })
  })
}
