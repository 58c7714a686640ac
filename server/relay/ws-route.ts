import { upgradeWebSocket, type HttpBindings } from '@hono/node-server'
import { Hono } from 'hono'
import type { RawData, WebSocket } from 'ws'
import { CloseCode } from '../../shared/protocol/close-codes.ts'
import type { RelayLimits } from '../../shared/protocol/limits.ts'
import { Role } from '../../shared/roles.ts'
import { requireSession } from '../auth/middleware.ts'
import type { Sessions } from '../auth/sessions.ts'
import type { Members } from '../domain/members.ts'
import { apiError } from '../http/errors.ts'
import type { AppEnv } from '../http/env.ts'
import type { Logger } from '../log.ts'
import { AdmissionFull, makeAdmission } from './admission.ts'
import { makeReadPause, ReadPauseLimits } from './read-pause.ts'
import { makeConnectionSweep, type SweepEntry } from './connection-sweep.ts'
import { makeSharedFrames } from './wire-frames.ts'
import { makeTokenBucket } from './rate-limit.ts'
import { makeSeenNotes } from './seen-notes.ts'
import { makeSessionSockets } from './session-sockets.ts'
import type { Room, RoomConnection } from './room.ts'
import type { Rooms } from './rooms.ts'

export interface RelayRouteDeps {
  sessions: Sessions
  /** Notes when a member was last connected (the members page's "last seen"). */
  members?: Pick<Members, 'seen'>
  rooms: Rooms
  limits: RelayLimits
  keepaliveIntervalMs: number
  logger: Logger
}

/**
 * After closing a slow reader, how long its close frame may take (it waits behind the
 * queue that made it slow) before the socket is ended and its queue freed.
 */
const SLOW_READER_GRACE_MS = 1000

/**
 * Hono's upgrade helper adds its own 'message', 'close' and 'error' listeners to the socket
 * right after onOpen returns; they close over the request's whole context (Hono's Context,
 * the Request and its headers, the IncomingMessage, a URL), which every idle connection
 * then kept alive. The relay listens on the socket itself (its listeners are added before
 * this call, at the end of onOpen), so every listener added after it is Hono's: removed as
 * soon as it is there. `npm run bench:idle`, the built server: heap per idle connection
 * 20.0 → 8.5 kB (ARCHITECTURE.md § The relay under load).
 */
function detachFromHono(raw: WebSocket): void {
  const events = ['message', 'close', 'error'] as const
  const ours = new Map(events.map((event) => [event, new Set(raw.listeners(event))]))
  queueMicrotask(() => {
    for (const event of events) {
      for (const listener of raw.listeners(event)) {
        if (!ours.get(event)?.has(listener)) raw.off(event, listener as () => void)
      }
    }
  })
}

/**
 * `GET /ws/:room`: the y-websocket endpoint. The session is checked before the upgrade, so
 * a refused client gets 401/403 and not one byte of the document; a session with all its
 * sockets open gets 429, a full room 503 (facilitators have a reserve beyond it). Frame
 * size is enforced by the WebSocketServer's maxPayload (close 1009); message and byte rate,
 * framing and the send queue's bound here.
 */
export function createRelayRoute({
  sessions,
  members,
  rooms,
  limits,
  keepaliveIntervalMs,
  logger,
}: RelayRouteDeps) {
  const app = new Hono<AppEnv & { Bindings: Partial<HttpBindings> }>()
  const sessionSockets = makeSessionSockets(limits.maxSocketsPerSession)
  const noteSeen = makeSeenNotes(members, logger)
  const admission = makeAdmission({ atOnce: limits.joinsAtOnce, waiting: limits.joinsWaiting })
  const sweep = makeConnectionSweep({ intervalMs: keepaliveIntervalMs })
  const sharedFrames = makeSharedFrames()
  const readPause = makeReadPause({ backlog: rooms.backlog, ...ReadPauseLimits })
  app.get(
    '/:room',
    // First, so the session lookups of a reconnect storm are paced too.
    async (c, next) => {
      try {
        await admission.admit(next)
      } catch (error) {
        if (!(error instanceof AdmissionFull)) throw error
        logger.warn('refused a join: too many waiting', { waiting: limits.joinsWaiting })
        throw apiError(503, 'rate_limited', 'Too many joins at once; try again.', undefined, {
          'Retry-After': '1',
        })
      }
    },
    requireSession(sessions),
    async (c, next) => {
      const room = c.req.param('room')
      const session = c.get('session')
      // The people who run the meeting get in even when members fill the room.
      const places =
        session.role === Role.Facilitator
          ? limits.maxConnectionsPerRoom + limits.facilitatorReserve
          : limits.maxConnectionsPerRoom
      if (rooms.connectionCount(room) >= places) {
        throw apiError(503, 'conflict', 'The room is full.')
      }
      // Only a real upgrade has a socket to count (not app.request() in tests).
      const socket = c.env?.incoming?.socket
      if (socket && !sessionSockets.take(session.sessionId, socket)) {
        logger.warn('refused a socket: the session has all its sockets open', {
          room,
          participant: session.participant.id,
          max: limits.maxSocketsPerSession,
        })
        throw apiError(429, 'rate_limited', 'Too many open connections for this session.')
      }
      await rooms.acquire(room) // warm, so the first frames are answered at once
      await next()
    },
    upgradeWebSocket((c) => {
      const session = c.get('session')
      // The TCP socket `ws` writes to (the upgraded request's).
      const tcp = c.env?.incoming?.socket ?? null
      const allow = makeTokenBucket(limits.messagesPerSecond, limits.messageBurst)
      const allowBytes = makeTokenBucket(limits.bytesPerSecond, limits.byteBurst)
      let room: Room | null = null
      let closed = false
      const early: Uint8Array[] = []
      let socket: WebSocket | null = null
      /**
       * Where shared frames are written past `ws`'s sender: the TCP socket, when the
       * connection negotiated no extension (no compression), so the sender holds nothing
       * between frames. Decided once the socket is open.
       */
      let direct: typeof tcp = null
      let swept: SweepEntry | null = null
      const seen = () => noteSeen(session.participant.id)
      const connection: RoomConnection = {
        sessionId: session.sessionId,
        role: session.role,
        participant: session.participant,
        logger: logger.child({
          room: session.room,
          participant: session.participant.id,
          role: session.role,
        }),
        send(frame) {
          const open = writable()
          if (!open) return
          open.send(frame)
          if (swept) swept.sent = true
        },
        sendShared(frames) {
          const open = writable()
          if (!open) return
          if (direct) sharedFrames.write(direct, frames)
          else for (const frame of frames) open.send(frame)
          if (swept) swept.sent = true
        },
        close(code, reason) {
          closed = true
          socket?.close(code, reason)
        },
      }
      /**
       * The socket, when a frame may be sent to it now. A client that stops reading must
       * not make the server hold what it is sent (twenty full-state answers of a big room
       * ran the server out of memory): it is closed instead.
       */
      const writable = (): WebSocket | null => {
        if (!socket || socket.readyState !== socket.OPEN) return null
        if (socket.bufferedAmount <= limits.maxBufferedBytes) return socket
        slowReader(socket)
        return null
      }
      const slowReader = (raw: WebSocket): void => {
        connection.logger.warn('closing a connection that does not read what it is sent', {
          buffered: raw.bufferedAmount,
        })
        connection.close(CloseCode.SlowReader, 'not reading')
        setTimeout(() => raw.terminate(), SLOW_READER_GRACE_MS).unref()
      }
      const receive = (data: RawData, isBinary: boolean): void => {
        if (closed) return
        if (!allow()) {
          connection.logger.warn('rate limit exceeded')
          connection.close(CloseCode.RateLimited, 'too many messages')
          return
        }
        const bytes = Array.isArray(data)
          ? data.reduce((sum, part) => sum + part.byteLength, 0)
          : data.byteLength
        if (!allowBytes(bytes)) {
          connection.logger.warn('byte rate exceeded', { bytes })
          connection.close(CloseCode.RateLimited, 'too many bytes')
          return
        }
        if (!isBinary || !Buffer.isBuffer(data)) {
          connection.logger.warn('closing connection after a text frame')
          connection.close(CloseCode.MalformedMessage, 'binary frames only')
          return
        }
        // A plain Uint8Array view, not the Buffer: lib0 and Yjs then decode one array type
        // only, and their hot functions stay monomorphic (measured: ~10 % less CPU per update).
        const frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
        if (room) rooms.receive(room, connection, frame)
        else early.push(frame)
        if (socket) readPause.afterFrame(socket)
      }
      const onClosed = (code: number): void => {
        closed = true
        if (socket) readPause.forget(socket)
        if (swept) sweep.remove(swept)
        connection.logger.debug('disconnected', { code })
        seen()
        if (room) rooms.leave(room, connection)
      }
      return {
        onOpen(_event, ws) {
          const raw = ws.raw as WebSocket
          socket = raw
          raw.on('close', onClosed)
          raw.on('error', (error: Error) =>
            connection.logger.warn('socket error', { reason: error.message }),
          )
          // Frames are read from the socket itself: Hono's onMessage copies each frame and
          // wraps it in a MessageEvent, a cost paid on every relayed update.
          raw.on('message', receive)
          detachFromHono(raw)
          if (raw.extensions === '') direct = tcp
          swept = sweep.add(raw, connection, session.expiresAt.getTime())
          connection.logger.debug('connected')
          seen()
          rooms.join(session.room, connection).then(
            (joined) => {
              room = joined
              if (closed) return rooms.leave(joined, connection)
              for (const frame of early.splice(0)) rooms.receive(joined, connection, frame)
            },
            (error: unknown) => {
              connection.logger.error('could not open the room', { error })
              raw.close(CloseCode.InternalError, 'room unavailable')
            },
          )
        },
      }
    }),
  )
  return app
}
