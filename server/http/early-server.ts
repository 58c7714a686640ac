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
  /** The app's handlers are in place: what was held meanwhile goes to them, in order. */
  open(): void
}

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
  let opened = false
  const held: (() => void)[] = []
  const server = createServer(httpServerOptions(options.connections), (request, response) => {
    const handle = () => app?.(request, response)
    if (opened) handle()
    else held.push(handle)
  })
  const holdUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    held.push(() => server.emit('upgrade', request, socket, head))
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

  function open(): void {
    if (opened) return
    opened = true
    // Synchronously after the app attached its own 'upgrade' listener: none arrives between.
    server.off('upgrade', holdUpgrade)
    for (const replay of held.splice(0)) replay()
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
