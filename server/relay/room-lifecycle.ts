import type { Logger } from '../log.ts'

/**
 * Where a room of this process is in its life. Only this module moves a room between
 * states, and every move checks that the room is still the one held for its name: a late
 * call about a room that failed or unloaded never touches its successor.
 *
 *   loading ─→ live ⇄ draining ─→ unloaded
 *      │         │        │
 *      └─────────┴────────┴──→ failed
 */
export type RoomState = 'loading' | 'live' | 'draining' | 'unloaded' | 'failed'

/** What the lifecycle needs to know of a room. */
export interface LifecycleRoom {
  readonly name: string
  /** Open connections: a room with any stays live. */
  readonly size: number
}

export interface RoomLifecycleOptions<R extends LifecycleRoom> {
  /** How long an unused room stays loaded (from its acquire, or its last use). */
  graceMs: number
  load(name: string): Promise<R>
  /** Stores what an unused room holds before it unloads (compaction); never throws. */
  drain(room: R): Promise<void>
  /** Frees the room (bus subscription, document); called once per room. */
  release(room: R): void
  logger: Logger
}

interface Entry<R> {
  readonly name: string
  state: RoomState
  readonly ready: Promise<R>
  room: R | null
  /** Server changes in progress: the room is in use without connections. */
  holds: number
  timer: NodeJS.Timeout | null
  /** The drain under way, and whether the room went idle again while it ran. */
  drain: Promise<void> | null
  drainAgain: boolean
}

export interface UseOptions {
  /** Unload at once when nobody else uses the room (no grace): a one-off server change. */
  unloadAfter?: boolean
}

/**
 * The rooms of this process by name, each with its state. A room is acquired (loaded, or
 * revived while draining), used (connections, server changes) and, once unused for
 * `graceMs`, drained and unloaded. The grace starts at acquire, so a room acquired for an
 * upgrade that never completes still unloads.
 */
export function createRoomLifecycle<R extends LifecycleRoom>(options: RoomLifecycleOptions<R>) {
  const { logger } = options
  const entries = new Map<string, Entry<R>>()
  let closing = false

  const isCurrent = (entry: Entry<R>): boolean => entries.get(entry.name) === entry
  const inUse = (entry: Entry<R>): boolean => (entry.room?.size ?? 0) > 0 || entry.holds > 0

  /** The entry holding this very room, or null for a room that failed or unloaded. */
  function entryOf(room: R): Entry<R> | null {
    const entry = entries.get(room.name)
    return entry && entry.room === room ? entry : null
  }

  function stopTimer(entry: Entry<R>): void {
    if (entry.timer) clearTimeout(entry.timer)
    entry.timer = null
  }

  /** (Re)starts the grace period of a live room; it unloads if still unused when it ends. */
  function startGrace(entry: Entry<R>): void {
    stopTimer(entry)
    if (closing || !isCurrent(entry) || entry.state !== 'live') return
    entry.timer = setTimeout(() => {
      entry.timer = null
      if (isCurrent(entry) && entry.state === 'live' && !inUse(entry)) void drainAndUnload(entry)
    }, options.graceMs)
    entry.timer.unref()
  }

  function startLoading(name: string): Entry<R> {
    const entry: Entry<R> = {
      name,
      state: 'loading',
      room: null,
      holds: 0,
      timer: null,
      drain: null,
      drainAgain: false,
      ready: options.load(name).then(
        (room) => {
          // Nothing replaces a loading entry, and shutdown waits for it: still current.
          entry.room = room
          entry.state = 'live'
          return room
        },
        (error: unknown) => {
          entry.state = 'failed'
          if (isCurrent(entry)) entries.delete(name)
          throw error
        },
      ),
    }
    entries.set(name, entry)
    return entry
  }

  /**
   * The room for `name`, loaded if needed; a draining room is revived. Its grace period
   * starts now: unused for `graceMs`, it unloads.
   */
  async function acquire(name: string): Promise<R> {
    if (closing) throw new Error('shutting down')
    const entry = entries.get(name) ?? startLoading(name)
    if (entry.state === 'draining') {
      entry.state = 'live'
      logger.debug('room revived while draining', { room: name })
    }
    const room = await entry.ready
    // Failed while this acquire waited for it: the name loads afresh.
    if (!isCurrent(entry)) return acquire(name)
    startGrace(entry)
    return room
  }

  /** A room lost a user (a connection closed): starts its grace if nobody uses it now. */
  function idle(room: R): void {
    const entry = entryOf(room)
    if (entry && !inUse(entry)) startGrace(entry)
  }

  /**
   * Runs `use` on the room with it held (it does not unload meanwhile, even without
   * connections), then lets it go: after its grace, or at once with `unloadAfter`.
   */
  async function use<T>(
    name: string,
    work: (room: R) => Promise<T>,
    { unloadAfter = false }: UseOptions = {},
  ): Promise<T> {
    const room = await acquire(name)
    const entry = entryOf(room)
    if (entry) entry.holds += 1
    try {
      return await work(room)
    } finally {
      if (entry) entry.holds -= 1
      if (entry && unloadAfter && isCurrent(entry) && !inUse(entry)) {
        stopTimer(entry)
        await drainAndUnload(entry)
      } else idle(room)
    }
  }

  async function drainAndUnload(entry: Entry<R>): Promise<void> {
    const room = entry.room
    if (!room) return
    entry.state = 'draining'
    if (entry.drain) {
      // Revived and idle again while a drain ran: it drains once more before unloading.
      entry.drainAgain = true
      return entry.drain
    }
    entry.drain = (async () => {
      do {
        entry.drainAgain = false
        await options.drain(room).catch((error: unknown) => {
          logger.error('could not drain a room before unloading it', { room: room.name, error })
        })
      } while (entry.drainAgain)
    })()
    try {
      await entry.drain
    } finally {
      entry.drain = null
    }
    if (!isCurrent(entry) || entry.state !== 'draining' || inUse(entry)) return
    entry.state = 'unloaded'
    entries.delete(entry.name)
    options.release(room)
    logger.debug('room unloaded', { room: entry.name })
  }

  /**
   * The room cannot go on (its log could not be written): it leaves at once, and the next
   * acquire loads its name afresh. A later call about it is ignored.
   */
  function fail(room: R): void {
    const entry = entryOf(room)
    if (!entry) return
    stopTimer(entry)
    entry.state = 'failed'
    entries.delete(entry.name)
    options.release(room)
  }

  /** The room loaded for `name` (live or draining), if any. */
  function get(name: string): R | undefined {
    return entries.get(name)?.room ?? undefined
  }

  /** What state the room held for `name` is in; `unloaded` when none is. */
  const stateOf = (name: string): RoomState => entries.get(name)?.state ?? 'unloaded'

  /** Every room in memory (live or draining). */
  function loaded(): R[] {
    return [...entries.values()].flatMap((entry) => (entry.room ? [entry.room] : []))
  }

  /** No more acquires; each room (once loaded) goes through `close`, then is freed. */
  async function shutdown(close: (room: R) => Promise<void>): Promise<void> {
    closing = true
    const all = [...entries.values()]
    for (const entry of all) stopTimer(entry)
    for (const entry of all) {
      const room = await entry.ready.catch(() => null)
      await entry.drain
      if (!room || !isCurrent(entry)) continue
      await close(room)
      if (!isCurrent(entry)) continue // failed while closing: released already
      entry.state = 'unloaded'
      entries.delete(entry.name)
      options.release(room)
    }
  }

  return { acquire, idle, use, fail, get, stateOf, loaded, shutdown }
}
