/**
 * Frames read past a turn's slice wait in the relay scheduler's queue (relay-scheduler.ts),
 * and a poll phase reads whatever the sockets hold. Under a load the server cannot keep up
 * with, that queue would grow every turn, holding every frame read. A socket whose frame
 * lands in a long backlog is no longer read until the backlog is short again: what its
 * client sends meanwhile waits in TCP's buffers (and then in the client's), so memory stays
 * bounded and nothing is dropped.
 */
export interface ReadPauseOptions {
  /** Tasks waiting in the relay scheduler now. */
  backlog: () => number
  /** A socket whose frame finds more waiting than this stops being read. */
  pauseAbove: number
  /** Paused sockets are read again once no more than this waits. */
  resumeBelow: number
  /** How often the backlog is checked while sockets are paused. */
  checkEveryMs: number
}

/** What can stop reading and go on (a `ws` WebSocket). */
export interface Pausable {
  pause(): void
  resume(): void
}

/** The defaults: a reconnect storm of 2,000 members queues a few thousand tasks at most. */
export const ReadPauseLimits = { pauseAbove: 10_000, resumeBelow: 2_000, checkEveryMs: 10 }

export function makeReadPause(options: ReadPauseOptions) {
  const paused = new Set<Pausable>()
  let timer: ReturnType<typeof setInterval> | null = null

  function check(): void {
    if (options.backlog() > options.resumeBelow) return
    for (const socket of paused) socket.resume()
    paused.clear()
    if (timer) clearInterval(timer)
    timer = null
  }

  return {
    /** After a frame from `socket` was handed over: stop reading it while the backlog is long. */
    afterFrame(socket: Pausable): void {
      if (options.backlog() <= options.pauseAbove || paused.has(socket)) return
      socket.pause()
      paused.add(socket)
      timer ??= setInterval(check, options.checkEveryMs).unref()
    },
    /** The socket closed: nothing to resume. */
    forget(socket: Pausable): void {
      paused.delete(socket)
    },
    pausedCount: () => paused.size,
  }
}
