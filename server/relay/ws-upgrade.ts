import { STATUS_CODES, type IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { HTTPException } from 'hono/http-exception'
import type { WebSocketServer } from 'ws'
import type { RelayLimits } from '../../shared/protocol/limits.ts'
import { Role } from '../../shared/roles.ts'
import { sessionForRoom } from '../auth/middleware.ts'
import type { ActiveSession, Sessions } from '../auth/sessions.ts'
import type { Members } from '../domain/members.ts'
import { apiError, internalError } from '../http/errors.ts'
import { makeCrossSiteRefusal, type OriginPolicy } from '../http/origin-guard.ts'
import { makeRefusalHeaders } from '../http/security-headers.ts'
import type { Logger } from '../log.ts'
import { AdmissionFull, makeAdmission } from './admission.ts'
import { makeSeenNotes } from './seen-notes.ts'
import { makeSessionSockets } from './session-sockets.ts'
import type { Rooms } from './rooms.ts'
import { makeRelayConnections } from './ws-connection.ts'

export interface RelayUpgradeDeps {
  wss: WebSocketServer
  sessions: Sessions
  /** Notes when a member was last connected (the members page's "last seen"). */
  members?: Pick<Members, 'seen'>
  rooms: Rooms
  limits: RelayLimits
  keepaliveIntervalMs: number
  origins: OriginPolicy
  logger: Logger
}

/** `/ws/<room>` and its query. */
const RELAY_PATH = /^\/ws\/([^/?]*)(?:\?(.*))?$/

/** What a handshake's path asks for: the room, and the query (`?session=`). */
interface RelayTarget {
  room: string
  query: string
}

/** Headers of the refusal that are the refusal's own to write (or no business of it). */
const NOT_COPIED = new Set(['connection', 'content-length', 'transfer-encoding', 'keep-alive'])

const ignore = (): void => undefined

/**
 * The relay's endpoint, `GET /ws/:room` with `Upgrade: websocket`: the server's 'upgrade'
 * listener. A join is admitted at a pace (relay/admission.ts), its origin and session
 * checked, a place taken in the room and in the session's sockets, and the room loaded
 * before the handshake is answered, so a refused client gets 403 (another site), 401 (no
 * session), 403 (another group's), 429 (the session has all its sockets open) or 503 (a
 * full room, too many joins waiting; facilitators have a reserve beyond a full room) and
 * not one byte of the document. It answers the upgrade itself, not through the app:
 * @hono/node-server built a fetch `Request` of every handshake and ran it through every
 * middleware, ~7 % of a reconnect storm's CPU (ARCHITECTURE.md, "Session 21's machine").
 */
export function makeRelayUpgrade(deps: RelayUpgradeDeps) {
  const { wss, sessions, rooms, limits, logger } = deps
  const sessionSockets = makeSessionSockets(limits.maxSocketsPerSession)
  const admission = makeAdmission({ atOnce: limits.joinsAtOnce, waiting: limits.joinsWaiting })
  const refuseCrossSite = makeCrossSiteRefusal(deps.origins, logger)
  const refusalHeaders = makeRefusalHeaders(deps.origins.publicUrl)
  const connectToRoom = makeRelayConnections({
    rooms,
    limits,
    keepaliveIntervalMs: deps.keepaliveIntervalMs,
    seen: makeSeenNotes(deps.members, logger),
    logger,
  })

  /** The checks of a join after its pace; the session it may open a socket for. */
  async function checkJoin(
    request: IncomingMessage,
    { room, query }: RelayTarget,
    tcp: Duplex,
  ): Promise<ActiveSession> {
    const session = await sessionForRoom(sessions, room, {
      cookie: request.headers.cookie,
      authorization: request.headers.authorization,
      query: new URLSearchParams(query).get('session') ?? undefined,
    })
    // The people who run the meeting get in even when members fill the room.
    const places =
      session.role === Role.Facilitator
        ? limits.maxConnectionsPerRoom + limits.facilitatorReserve
        : limits.maxConnectionsPerRoom
    if (rooms.connectionCount(room) >= places) {
      throw apiError(503, 'conflict', 'The room is full.')
    }
    if (!sessionSockets.take(session.sessionId, tcp)) {
      logger.warn('refused a socket: the session has all its sockets open', {
        room,
        participant: session.participant.id,
        max: limits.maxSocketsPerSession,
      })
      throw apiError(429, 'rate_limited', 'Too many open connections for this session.')
    }
    await rooms.acquire(room) // warm, so the first frames are answered at once
    return session
  }

  /** The checks before a join waits for its turn: the method, the path, the origin. */
  function checkRequest(request: IncomingMessage): RelayTarget {
    if (request.headers.upgrade?.toLowerCase() !== 'websocket' || request.method !== 'GET') {
      throw apiError(400, 'bad_request', 'Only a WebSocket upgrade (GET) is answered here.')
    }
    const path = RELAY_PATH.exec(request.url ?? '')
    if (!path) throw apiError(404, 'not_found', 'No such room.')
    const site = request.headers['sec-fetch-site']
    refuseCrossSite({
      method: request.method,
      path: request.url?.split('?')[0] ?? '',
      origin: request.headers.origin,
      fetchSite: typeof site === 'string' ? site : undefined,
      url: `http://${request.headers.host ?? 'localhost'}${request.url ?? '/'}`,
    })
    return { room: path[1] ?? '', query: path[2] ?? '' }
  }

  async function admit(request: IncomingMessage, tcp: Duplex): Promise<ActiveSession> {
    const target = checkRequest(request)
    try {
      // First, so the session lookups of a reconnect storm are paced too.
      return await admission.admit(() => checkJoin(request, target, tcp))
    } catch (error) {
      if (!(error instanceof AdmissionFull)) throw error
      logger.warn('refused a join: too many waiting', { waiting: limits.joinsWaiting })
      throw apiError(503, 'rate_limited', 'Too many joins at once; try again.', undefined, {
        'Retry-After': '1',
      })
    }
  }

  /** Answers a refused handshake as the app answers any request: status, headers, JSON. */
  async function refuse(request: IncomingMessage, tcp: Duplex, error: unknown): Promise<void> {
    let answer: Response
    if (error instanceof HTTPException) answer = error.getResponse()
    else {
      logger.error('unhandled error', { method: 'GET', path: request.url?.split('?')[0], error })
      answer = internalError()
    }
    const headers = await refusalHeaders(request.headers.host)
    answer.headers.forEach((value, name) => headers.set(name, value))
    const body = Buffer.from(await answer.arrayBuffer())
    if (tcp.destroyed) return
    const lines = [
      `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ''}`,
      'Connection: close',
      `Content-Length: ${body.byteLength}`,
    ]
    headers.forEach((value, name) => {
      if (!NOT_COPIED.has(name)) lines.push(`${name}: ${value}`)
    })
    tcp.end(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), body]))
  }

  return function upgradeToRelay(request: IncomingMessage, tcp: Duplex, head: Buffer): void {
    // A client gone before its answer must not take the server with it.
    tcp.on('error', ignore)
    admit(request, tcp).then(
      (session) => {
        if (tcp.destroyed) return
        wss.handleUpgrade(request, tcp, head, (socket) => {
          tcp.off('error', ignore)
          // connection-limits.ts counts the socket as upgraded on this event.
          wss.emit('connection', socket, request)
          connectToRoom(socket, session, tcp as Socket)
        })
      },
      (error: unknown) =>
        refuse(request, tcp, error).catch((failed: unknown) => {
          logger.error('could not answer a refused handshake', { error: failed })
          tcp.destroy()
        }),
    )
  }
}
