import type { WebSocket } from 'ws'

export interface KeepaliveOptions {
  intervalMs: number
  /** Sends the connection a message its client reads and ignores. */
  sendQuietMessage(): void
  /** The previous ping went unanswered: the other end is gone. */
  onDead(): void
}

/**
 * One connection's keepalive (see shared/protocol/keepalive.ts): each interval it ends a
 * socket that left the previous ping unanswered, pings, and sends a quiet message when
 * nothing else was sent since the last interval. Call `sent()` on every frame sent.
 */
export function makeKeepalive(socket: WebSocket, options: KeepaliveOptions) {
  let answered = true
  let sentSinceTick = false
  const onPong = (): void => {
    answered = true
  }
  socket.on('pong', onPong)
  const timer = setInterval(() => {
    if (!answered) return options.onDead()
    answered = false
    socket.ping()
    if (!sentSinceTick) options.sendQuietMessage()
    sentSinceTick = false
  }, options.intervalMs)
  // A server closing down must not wait for the next tick.
  timer.unref()

  return {
    sent(): void {
      sentSinceTick = true
    },
    stop(): void {
      clearInterval(timer)
      socket.off('pong', onPong)
    },
  }
}

export type Keepalive = ReturnType<typeof makeKeepalive>
