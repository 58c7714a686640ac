import type { WebSocket } from 'ws'
import { CloseCode } from '../../shared/protocol/close-codes.ts'
import type { Logger } from '../log.ts'
import { QUIET_MESSAGE } from './protocol.ts'

/** What the sweep uses of a connection's socket (ws's WebSocket). */
export type SweptSocket = Pick<WebSocket, 'ping' | 'terminate' | 'on' | 'off'>

/** What the sweep uses of a connection (a RoomConnection). */
export interface SweptConnection {
  readonly logger: Logger
  send(frame: Uint8Array): void
  close(code: number, reason: string): void
}

/** One connection in the sweep. Set `sent` on every frame sent to it. */
export interface SweepEntry {
  sent: boolean
}

interface Entry extends SweepEntry {
  readonly socket: SweptSocket
  readonly connection: SweptConnection
  readonly expiresAt: number
  answered: boolean
  readonly slice: number
}

/** A keepalive interval is walked in this many steps, a slice of the connections each. */
const SLICES = 10

/** setTimeout's longest delay (about 24.8 days); a session can last far longer. */
const MAX_TIMER_MS = 2 ** 31 - 1

export interface ConnectionSweepOptions {
  /** Between a connection's pings (see shared/protocol/keepalive.ts). */
  intervalMs: number
  now?: () => number
}

/**
 * Every connection's keepalive and session expiry, on two timers for the whole server
 * instead of two per connection (with their closures, ~1 kB of every idle connection).
 * Keepalive: each interval a connection that left the previous ping unanswered is ended,
 * the others are pinged, and sent a quiet message when nothing else was sent to them since.
 * The connections are walked a tenth at a time, so 3,000 pings never share one turn.
 * Expiry: a connection is closed (SessionExpired) once its session's end has passed.
 */
export function makeConnectionSweep(options: ConnectionSweepOptions) {
  const now = options.now ?? Date.now
  const entries = new Map<SweptSocket, Entry>()
  const slices: Set<Entry>[] = Array.from({ length: SLICES }, () => new Set())
  let cursor = 0
  let ticker: NodeJS.Timeout | null = null
  let expiryTimer: NodeJS.Timeout | null = null
  let expiryAt = Infinity

  function onPong(this: SweptSocket): void {
    const entry = entries.get(this)
    if (entry) entry.answered = true
  }

  function tick(): void {
    const slice = slices[cursor]!
    cursor = (cursor + 1) % SLICES
    for (const entry of slice) {
      if (!entry.answered) {
        entry.connection.logger.info('no answer to a ping; ending the connection')
        remove(entry)
        entry.socket.terminate()
        continue
      }
      entry.answered = false
      entry.socket.ping()
      if (!entry.sent) entry.connection.send(QUIET_MESSAGE)
      entry.sent = false
    }
  }

  function expire(): void {
    expiryTimer = null
    expiryAt = Infinity
    const at = now()
    for (const entry of entries.values()) {
      if (entry.expiresAt > at) continue
      entry.connection.logger.info('session expired; closing its connection')
      remove(entry)
      entry.connection.close(CloseCode.SessionExpired, 'session expired')
    }
    let soonest = Infinity
    for (const entry of entries.values()) soonest = Math.min(soonest, entry.expiresAt)
    if (soonest < Infinity) scheduleExpiry(soonest)
  }

  function scheduleExpiry(at: number): void {
    if (at >= expiryAt) return
    if (expiryTimer) clearTimeout(expiryTimer)
    expiryAt = at
    // A wait longer than one timer takes is taken in steps: expire() finds nothing due.
    expiryTimer = setTimeout(expire, Math.min(Math.max(0, at - now()), MAX_TIMER_MS))
    expiryTimer.unref()
  }

  /** Adds a connection whose session ends at `expiresAt` (ms since the epoch). */
  function add(socket: SweptSocket, connection: SweptConnection, expiresAt: number): SweepEntry {
    // Its first turn comes a whole interval after this one.
    const slice = (cursor + SLICES - 1) % SLICES
    const entry: Entry = { socket, connection, expiresAt, answered: true, sent: false, slice }
    entries.set(socket, entry)
    slices[slice]!.add(entry)
    socket.on('pong', onPong)
    if (!ticker) {
      // A server closing down must not wait for the next tick.
      ticker = setInterval(tick, Math.max(1, options.intervalMs / SLICES))
      ticker.unref()
    }
    scheduleExpiry(expiresAt)
    return entry
  }

  /** The connection closed: nothing of it stays (its expiry timer may fire for nothing). */
  function remove(swept: SweepEntry): void {
    const entry = swept as Entry
    if (!entries.delete(entry.socket)) return
    slices[entry.slice]!.delete(entry)
    entry.socket.off('pong', onPong)
    if (entries.size > 0) return
    if (ticker) clearInterval(ticker)
    if (expiryTimer) clearTimeout(expiryTimer)
    ticker = expiryTimer = null
    expiryAt = Infinity
  }

  return { add, remove, size: () => entries.size }
}
