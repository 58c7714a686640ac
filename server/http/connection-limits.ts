import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { WebSocketServer } from 'ws'
import type { Logger } from '../log.ts'

/**
 * Bounds on connections before they are worth anything: ~21,000 TCP connections that
 * never finished their HTTP request used up the process's file descriptors and made
 * `/healthz` unreachable for about a minute.
 */
export interface ConnectionLimits {
  /**
   * Time a connection has to send a request's headers (HEADERS_TIMEOUT_MS), and, for a
   * new connection, to be answered or become a WebSocket.
   */
  headersTimeoutMs: number
  /** Time a request has to arrive whole, body included (REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number
  /**
   * Connections one remote address may hold open that have been neither answered nor
   * upgraded (MAX_PENDING_CONNECTIONS_PER_ADDRESS; 0: no bound). Behind a reverse proxy
   * every connection comes from the proxy's address: raise it or set 0 there, the proxy
   * then bounds half-open clients itself.
   */
  maxPendingPerAddress: number
  /**
   * Connections the kernel completes and queues for the server while its event loop is
   * busy (LISTEN_BACKLOG; the system's `net.core.somaxconn` caps it). Beyond it a client's
   * connection attempt is dropped and retried by its kernel a second later.
   */
  listenBacklog: number
}

export const ConnectionLimits = {
  /** A browser sends its headers in one packet; ten seconds is patient for a bad link. */
  headersTimeoutMs: 10_000,
  /** The largest request body is 64 kB. */
  requestTimeoutMs: 30_000,
  /**
   * An office behind one address opens a few connections per person while pages load; a
   * flood of half-open sockets is thousands.
   */
  maxPendingPerAddress: 64,
  /**
   * A restart brings every member of every group back at once, while the new process is
   * busy loading and joining them. With Node's default (511) a storm of 2,000 clients
   * overflowed the queue ~6,000 times and made ~1,700 connection attempts wait a second
   * for their retry (`bench:storm`, ARCHITECTURE.md § The relay under load).
   */
  listenBacklog: 4096,
} as const satisfies ConnectionLimits

/** Options for Node's HTTP server that enforce the timeouts on every request. */
export const httpServerOptions = (limits: ConnectionLimits) => ({
  headersTimeout: limits.headersTimeoutMs,
  requestTimeout: limits.requestTimeoutMs,
  // Node looks for expired requests this often (30 s by default, longer than the timeouts).
  connectionsCheckingInterval: Math.max(
    10,
    Math.min(1000, Math.floor(limits.headersTimeoutMs / 4)),
  ),
})

/** How often refused connections are logged at most (with how many there were). */
const LOG_EVERY_MS = 60_000

/**
 * Counts each remote address's pending connections (accepted, neither answered nor
 * upgraded yet): over the bound a new one is destroyed at once. A pending connection that
 * has sent no complete request by `headersTimeoutMs` (a silent socket, which Node's own
 * headersTimeout ignores, or an upgrade that is not through by then) is destroyed too.
 * Once answered or upgraded it no longer counts; Node's timeouts (headers, request,
 * keep-alive) then bound it.
 */
export function limitPendingConnections(
  server: HttpServer,
  wss: WebSocketServer,
  limits: ConnectionLimits,
  logger: Logger,
) {
  const pendingByAddress = new Map<string, number>()
  const pending = new WeakMap<Socket, Pending>()
  let refused = 0
  let timedOut = 0
  let lastLog = 0

  interface Pending {
    /** Headers arrived: the request is Node's to time out now. */
    heard(): void
    /** Answered, upgraded or closed: it no longer counts. */
    release(): void
  }

  const logNow = (): void => {
    const now = Date.now()
    if (now - lastLog < LOG_EVERY_MS || refused + timedOut === 0) return
    lastLog = now
    logger.warn('ended connections that were not answered or upgraded in time', {
      refused,
      timedOut,
      max: limits.maxPendingPerAddress,
    })
    refused = 0
    timedOut = 0
  }

  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown'
    const count = pendingByAddress.get(address) ?? 0
    if (limits.maxPendingPerAddress > 0 && count >= limits.maxPendingPerAddress) {
      refused++
      logNow()
      socket.destroy()
      return
    }
    pendingByAddress.set(address, count + 1)
    let counted = true
    const timer = setTimeout(() => {
      timedOut++
      logNow()
      socket.destroy()
    }, limits.headersTimeoutMs)
    timer.unref()
    const state: Pending = {
      heard: () => clearTimeout(timer),
      release: () => {
        clearTimeout(timer)
        if (!counted) return
        counted = false
        const left = (pendingByAddress.get(address) ?? 1) - 1
        if (left > 0) pendingByAddress.set(address, left)
        else pendingByAddress.delete(address)
      },
    }
    pending.set(socket, state)
    socket.once('close', state.release)
  })

  // 'request' is emitted once a request's headers are in; an upgrade request's are not
  // (the relay's 'upgrade' listener answers it), so the timer bounds it until it becomes a
  // WebSocket or its refusal closes it.
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const state = pending.get(request.socket)
    if (!state) return
    state.heard()
    response.once('finish', state.release)
  })
  // A WebSocket holds its socket for hours: nothing of this bookkeeping may stay with it
  // (its closures and cleared timer were ~0.5 kB of every idle connection's heap).
  wss.on('connection', (_ws, request: IncomingMessage) => {
    const socket = request.socket
    const state = pending.get(socket)
    if (!state) return
    state.release()
    socket.off('close', state.release)
    pending.delete(socket)
  })
}
