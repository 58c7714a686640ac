import { nextTurn } from '../next-turn.ts'
import type { CommitPacing } from './commit-pacing.ts'
import type { DocStore } from './doc-store.ts'

interface Pending {
  room: string
  update: Uint8Array
  author: string | null
  resolve: (id: number) => void
  reject: (error: unknown) => void
}

/**
 * Group commit for the update log: updates that arrive while a write is in flight (or in
 * the same I/O turn) are written together in the next transaction. Under load this turns
 * many small commits into few larger ones; when idle an update is written at once.
 */
export function createGroupCommit(store: DocStore, pacing?: CommitPacing) {
  let queue: Pending[] = []
  let writing: Promise<void> | null = null
  let scheduled = false

  const writeBatch = async (batch: Pending[]): Promise<void> => {
    try {
      const ids = await store.append(batch)
      batch.forEach((entry, i) => entry.resolve(ids[i] ?? 0))
    } catch (error) {
      for (const entry of batch) entry.reject(error)
    }
  }

  const drain = (): void => {
    scheduled = false
    if (writing || queue.length === 0) return
    const batch = queue
    queue = []
    pacing?.started()
    writing = writeBatch(batch).finally(() => {
      writing = null
      if (queue.length > 0) schedule()
    })
  }

  /** The next commit: in this I/O turn's check phase, or after the pacing's window. */
  const schedule = (): void => {
    if (scheduled) return
    scheduled = true
    const wait = pacing?.delay() ?? 0
    if (wait > 0) setTimeout(drain, wait)
    else setImmediate(drain)
  }

  /**
   * Resolves with the log id once the update is committed. `author` is the participant who
   * sent it (null: a change made by the server); stored with it, never relayed.
   */
  function append(room: string, update: Uint8Array, author: string | null = null): Promise<number> {
    return new Promise((resolve, reject) => {
      queue.push({ room, update, author, resolve, reject })
      pacing?.arrived(room)
      if (!writing) schedule()
    })
  }

  /** Resolves when everything appended so far is committed (or failed). */
  async function flush(): Promise<void> {
    while (writing || queue.length > 0 || scheduled) {
      // Not waiting out a pacing window: everything goes now.
      if (!writing && queue.length > 0) drain()
      await (writing ?? nextTurn())
    }
  }

  /** Whether updates arrive at the pacing's busy rate (never, without a pacing). */
  const busy = (): boolean => pacing?.busy() ?? false

  return { append, flush, busy }
}

export type GroupCommit = ReturnType<typeof createGroupCommit>
