import * as Y from 'yjs'

/** A received update failed to apply; `partial` is what it changed before failing. */
export class UpdateFailed extends Error {
  constructor(
    readonly reason: string,
    readonly partial: Uint8Array | null,
  ) {
    super(reason)
  }
}

/**
 * Applies an update received from a member and tells whether it must be stored and
 * relayed: it is kept as received (Yjs re-encoding it would cost as much again) unless it
 * brought nothing new. Structs held back for missing predecessors change no state yet but
 * are new, so they count: the log must not lose them.
 */
export function applyReceivedUpdate(doc: Y.Doc, update: Uint8Array, origin: unknown): boolean {
  // Applied inside a transaction of our own (applyUpdate joins it) so we hold the
  // transaction without adding and removing an 'update' listener per call.
  const seen: { transaction?: Y.Transaction } = {}
  const { store } = doc
  const pendingStructsBefore = store.pendingStructs?.update
  const pendingDeletesBefore = store.pendingDs
  try {
    Y.transact(
      doc,
      (transaction) => {
        seen.transaction = transaction
        Y.applyUpdate(doc, update, origin)
      },
      origin,
      false,
    )
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new UpdateFailed(reason, partialChange(doc, seen.transaction ?? null))
  }
  return (
    (seen.transaction !== undefined && transactionChanged(seen.transaction)) ||
    store.pendingStructs?.update !== pendingStructsBefore ||
    store.pendingDs !== pendingDeletesBefore
  )
}

/** What a transaction that failed half-way changed, as Yjs encodes it (null: nothing). */
function partialChange(doc: Y.Doc, transaction: Y.Transaction | null): Uint8Array | null {
  if (!transaction || !transactionChanged(transaction)) return null
  return Y.encodeStateAsUpdate(doc, Y.encodeStateVector(transaction.beforeState))
}

/** Whether a transaction added structs or deleted anything (Yjs's test before 'update'). */
function transactionChanged(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true
  for (const [client, clock] of transaction.afterState) {
    if (transaction.beforeState.get(client) !== clock) return true
  }
  return false
}
