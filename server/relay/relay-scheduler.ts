/**
 * A paced group commit resolves the updates of many rooms at once; relaying them all in one
 * turn made that turn as long as the whole batch (3,000 clients in 300 rooms: 124–330 ms
 * event-loop stalls, `npm run bench:capacity`), and every update that arrived meanwhile
 * waited for it. Rooms queue their relay here instead: it starts in the same turn, as
 * before, but once a turn has relayed for `sliceMs` the remaining rooms go on in the next
 * one, after the sockets have been read. A room's own updates keep their order (one queued
 * task per room relays its whole outbox).
 *
 * The slice is the turn's, not one run's: runs that follow each other closely (one per
 * socket read, when presence changes are read from hundreds of sockets in one poll phase)
 * share it, so the turn ends when it is spent, however many reads scheduled work. The
 * backlog goes on in the turn's check phase with a slice of its own. Node has no cheap
 * mark for a turn's end, and a setImmediate per turn to set one cost the light load ~10 %
 * of its CPU per update (`bench:phases`, light, alternating); a run that starts within
 * TURN_GAP_MS of the last one's end counts as the same turn instead.
 *
 * A backlog that has waited gets a longer turn: at least half as long as its oldest task
 * has waited. With a fixed slice, a load whose relaying needed more than 4 ms a turn fell
 * further behind every turn while the reads went on (3,000 clients: p99 139–209 ms with
 * stalls of 58–103 ms). Now relaying keeps at least a third of the loop under a sustained
 * load, and a turn is never longer than half the wait its updates have already had.
 *
 * Frames read from sockets go the same way once a turn is spent (`runNowOrLater`): handled
 * at once while the turn has time, else queued with the relays, in order. A poll phase of a
 * reconnect storm that reads hundreds of frames then handles them for a slice, not all of
 * them (a storm's turns ran 44–86 ms of our code with the main thread never waiting for a
 * core). Since the reads wait their turn too, the backlog's turn stops growing at
 * `MAX_TURN_MS`: the loop goes round at least every slice + `MAX_TURN_MS` of our work.
 */
const RELAY_SLICE_MS = 4

/** The longest a backlog's turn grows to, however long it waited. */
const MAX_TURN_MS = 8

/** Runs closer than this (the reads between them) count as one turn's. */
const TURN_GAP_MS = 1

export interface RelaySchedulerOptions {
  sliceMs?: number
  /** The longest turn a backlog that waited long gets (MAX_TURN_MS). */
  maxTurnMs?: number
  now?: () => number
  /** A task threw (a bug): reported, and the others still run. */
  onError(error: unknown): void
}

export function makeRelayScheduler(options: RelaySchedulerOptions) {
  const sliceMs = options.sliceMs ?? RELAY_SLICE_MS
  const maxTurnMs = options.maxTurnMs ?? MAX_TURN_MS
  const now = options.now ?? (() => performance.now())
  let queue: { task: () => void; at: number }[] = []
  let scheduled = false
  /** When this turn's first run began, and when the last run ended. */
  let turnStarted = -Infinity
  let lastEnded = -Infinity

  /** One task; one that throws is reported and the others go on. */
  function runTask(task: () => void): void {
    try {
      task()
    } catch (error) {
      options.onError(error)
    }
  }

  /** `fresh`: the backlog's own run, in a check phase after the turn that left it. */
  function run(fresh = false): void {
    const started = now()
    const opensTurn = fresh || started - lastEnded > TURN_GAP_MS
    if (opensTurn) turnStarted = started
    const waited = started - (queue[0]?.at ?? started)
    const until = turnStarted + Math.min(maxTurnMs, Math.max(sliceMs, waited / 2))
    let done = 0
    // Tasks scheduled by the ones running join this same queue (and this turn, if it has
    // time). The run that opens a turn runs one at least, so the queue always moves.
    while (done < queue.length && (now() < until || (opensTurn && done === 0))) {
      const { task } = queue[done]!
      done += 1
      runTask(task)
    }
    if (done > 0) queue = queue.slice(done)
    lastEnded = now()
    if (queue.length > 0) setImmediate(runBacklog)
    else scheduled = false
  }
  const runBacklog = (): void => run(true)

  /** Runs `task` in this turn (a microtask) when the turn has time left, else in a later one. */
  function schedule(task: () => void): void {
    queue.push({ task, at: now() })
    if (scheduled) return
    scheduled = true
    queueMicrotask(run)
  }

  /**
   * Runs `task` at once when nothing waits and the turn has time left, else queues it
   * behind what waits. For what is read from sockets: a poll phase that reads hundreds of
   * frames handles them for the turn's slice and leaves the rest to the check phase, and a
   * connection's frames, and its leaving, keep their order.
   */
  function runNowOrLater(task: () => void): void {
    const started = now()
    if (started - lastEnded > TURN_GAP_MS) turnStarted = started
    if (queue.length > 0 || started >= turnStarted + sliceMs) return schedule(task)
    runTask(task)
    lastEnded = now()
  }

  /** Runs everything queued, now (a shutdown: what was read is handled before rooms close). */
  function drain(): void {
    while (queue.length > 0) {
      const tasks = queue
      queue = []
      for (const { task } of tasks) runTask(task)
    }
  }

  return { schedule, runNowOrLater, drain, pending: () => queue.length }
}

export type RelayScheduler = ReturnType<typeof makeRelayScheduler>
