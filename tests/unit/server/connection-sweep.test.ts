import { EventEmitter } from 'node:events'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'
import { createLogger } from '../../../server/log.ts'
import {
  makeConnectionSweep,
  type SweptConnection,
  type SweptSocket,
} from '../../../server/relay/connection-sweep.ts'

const DAY = 24 * 60 * 60 * 1000
const INTERVAL = 1000

/** A socket as ws's WebSocket behaves towards the sweep: pings, pongs, terminate. */
class Socket extends EventEmitter {
  pings = 0
  terminated = false
  /** Answers every ping at once, as a live client does. */
  autoPong = false
  ping(): void {
    this.pings += 1
    if (this.autoPong) this.pong()
  }
  terminate(): void {
    this.terminated = true
  }
  pong(): void {
    this.emit('pong')
  }
}

function connect(sweep: ReturnType<typeof makeConnectionSweep>, expiresAt = Date.now() + DAY) {
  const socket = new Socket()
  const sent: Uint8Array[] = []
  const closed: number[] = []
  const connection: SweptConnection = {
    logger: createLogger('silent'),
    send: (frame) => sent.push(frame),
    close: (code) => closed.push(code),
  }
  const entry = sweep.add(socket as unknown as SweptSocket, connection, expiresAt)
  return { socket, sent, closed, entry }
}

describe('makeConnectionSweep', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('pings each connection once an interval, quiet ones with a message, and ends the silent', () => {
    const sweep = makeConnectionSweep({ intervalMs: INTERVAL })
    const talkative = connect(sweep)
    const quiet = connect(sweep)
    const dead = connect(sweep)
    vi.advanceTimersByTime(INTERVAL)
    expect([talkative.socket.pings, quiet.socket.pings, dead.socket.pings]).toEqual([1, 1, 1])
    expect(quiet.sent).toHaveLength(1)

    talkative.socket.pong()
    quiet.socket.pong()
    talkative.entry.sent = true // the relay sent it something meanwhile
    vi.advanceTimersByTime(INTERVAL)
    expect(talkative.sent).toHaveLength(1) // only the first interval's, when nothing was sent
    expect(quiet.sent).toHaveLength(2)
    expect(dead.socket.terminated).toBe(true)
    expect([talkative.socket.terminated, quiet.socket.terminated]).toEqual([false, false])
    expect(sweep.size()).toBe(2)
  })

  it('walks the connections a slice at a time, each one interval after it joined', () => {
    const sweep = makeConnectionSweep({ intervalMs: INTERVAL })
    const early = connect(sweep)
    vi.advanceTimersByTime(INTERVAL / 2)
    const late = connect(sweep)
    vi.advanceTimersByTime(INTERVAL / 2)
    expect([early.socket.pings, late.socket.pings]).toEqual([1, 0])
    vi.advanceTimersByTime(INTERVAL / 2)
    expect([early.socket.pings, late.socket.pings]).toEqual([1, 1])
  })

  it('closes a connection when its session ends, the soonest first, and waits past 24.8 days', () => {
    // Long intervals, so 400 days of fake time are a few hundred ticks.
    const sweep = makeConnectionSweep({ intervalMs: 10 * DAY })
    const later = connect(sweep, Date.now() + 400 * DAY)
    const sooner = connect(sweep, Date.now() + 5000)
    for (const { socket } of [later, sooner]) socket.autoPong = true
    vi.advanceTimersByTime(4999)
    expect(sooner.closed).toEqual([])
    vi.advanceTimersByTime(1)
    expect(sooner.closed).toEqual([CloseCode.SessionExpired])
    vi.advanceTimersByTime(399 * DAY - 5000)
    expect(later.closed).toEqual([])
    vi.advanceTimersByTime(DAY)
    expect(later.closed).toEqual([CloseCode.SessionExpired])
    expect(later.socket.terminated).toBe(false)
    expect(sweep.size()).toBe(0)
  })

  it('keeps nothing of a removed connection: no pings, no expiry, no timers', () => {
    const sweep = makeConnectionSweep({ intervalMs: INTERVAL })
    const gone = connect(sweep, Date.now() + 2000)
    sweep.remove(gone.entry)
    expect(gone.socket.listenerCount('pong')).toBe(0)
    expect(vi.getTimerCount()).toBe(0)
    vi.advanceTimersByTime(3 * INTERVAL)
    expect(gone.socket.pings).toBe(0)
    expect(gone.closed).toEqual([])
  })
})
