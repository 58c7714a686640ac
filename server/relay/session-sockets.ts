/** Something that ends once: a TCP socket (its 'close' event). */
export interface Closable {
  once(event: 'close', listener: () => void): unknown
}

/**
 * The sockets each session holds open on this node, so one session (a viewer link opened
 * in 200 tabs) cannot take a room's places. A place is taken before the upgrade and given
 * back when the TCP socket closes, also when the upgrade never completes.
 */
export function makeSessionSockets(maxPerSession: number) {
  const open = new Map<string, number>()

  /** Takes a place for `socket` in the session; false when the session has them all. */
  function take(sessionId: string, socket: Closable): boolean {
    const count = open.get(sessionId) ?? 0
    if (count >= maxPerSession) return false
    open.set(sessionId, count + 1)
    socket.once('close', () => {
      const left = (open.get(sessionId) ?? 1) - 1
      if (left > 0) open.set(sessionId, left)
      else open.delete(sessionId)
    })
    return true
  }

  return { take }
}
