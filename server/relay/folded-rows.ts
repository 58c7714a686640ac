import type { Logger } from '../log.ts'
import type { DocStore } from '../storage/doc-store.ts'

/**
 * Folded log rows dropped per turn of the event loop. Measured before: storing the snapshot
 * and deleting ~500 rows in one step held the relay up to 36 ms.
 */
const PRUNE_STEP = 100

/** How often rows left while the server was busy are tried again. */
const RETRY_MS = 5000

export interface FoldedRowsOptions {
  store: Pick<DocStore, 'prune'>
  logger: Logger
  /** Runs a step in its turn (the compaction's one-at-a-time queue). */
  inTurn<T>(step: () => Promise<T>): Promise<T>
  /** Whether the server is under load (commit-pacing.ts): the rows then wait. */
  busy?(): boolean
  retryMs?: number
}

/**
 * Drops rooms' log rows that a snapshot folded, a few per turn. Nothing reads them again
 * (a load reads the rows after its snapshot), so while the server is busy they wait and are
 * tried again every `retryMs`: a room's rows interleave with every other room's, so dropping
 * them touches a page for nearly every row (at 3,500 clients, most of the compactions' ~1.3 s
 * of SQLite in a 10 s step). A room unloaded meanwhile is pruned by name all the same.
 */
export function makeFoldedRows(options: FoldedRowsOptions) {
  const { store, logger, inTurn } = options
  const retryMs = options.retryMs ?? RETRY_MS
  /** Rooms with rows to drop, and up to which log id. */
  const left = new Map<string, number>()
  let dropping = false
  let retry: NodeJS.Timeout | null = null

  /** Drops the room's rows up to `upto` now, or once the server is quiet; never throws. */
  async function drop(room: string, upto: number): Promise<void> {
    left.set(room, Math.max(left.get(room) ?? 0, upto))
    await dropLeft()
  }

  async function dropLeft(): Promise<void> {
    if (dropping) return // the running pass reaches rooms added meanwhile
    dropping = true
    try {
      for (const [room, upto] of left) {
        let dropped = PRUNE_STEP
        while (dropped === PRUNE_STEP) {
          if (options.busy?.()) return tryLater()
          dropped = await inTurn(() => store.prune(room, upto, PRUNE_STEP))
        }
        if (left.get(room) === upto) left.delete(room)
      }
    } catch (error) {
      logger.error('dropping folded log rows failed; tried again later', { error })
      tryLater()
    } finally {
      dropping = false
    }
  }

  function tryLater(): void {
    if (retry) return
    retry = setTimeout(() => {
      retry = null
      void dropLeft()
    }, retryMs)
    retry.unref()
  }

  return { drop, waiting: () => left.size }
}
