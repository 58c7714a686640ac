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
export function createGroupCommit(store: DocStore) {
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
    writing = writeBatch(batch).finally(() => {
      writing = null
      if (queue.length > 0) drain()
    })
  }

  /**
   * Resolves with the log id once the update is committed. `author` is the participant who
   * sent it (null: a change made by the server); stored with it, never relayed.
   */
  function append(room: string, update: Uint8Array, author: string | null = null): Promise<number> {
    return new Promise((resolve, reject) => {
      queue.push({ room, update, author, resolve, reject })
      if (!scheduled && !writing) {
        scheduled = true
        setImmediate(drain)
      }
    })
  }

  /** Resolves when everything appended so far is committed (or failed). */
  async function flush(): Promise<void> {
    while (writing || queue.length > 0 || scheduled) {
      if (!writing && !scheduled) drain()
      await (writing ?? new Promise((resolve) => setImmediate(resolve)))
    }
  }

  return { append, flush }
}

export type GroupCommit = ReturnType<typeof createGroupCommit>
