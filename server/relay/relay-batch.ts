import * as Y from 'yjs'
import { encodeUpdate } from './protocol.ts'

/** One committed update waiting to be relayed, and who sent it (null: nobody connected here). */
export interface Outgoing<C> {
  update: Uint8Array
  origin: C | null
}

/**
 * A merge of the batch pays for itself when the frames it saves reach this many: merging
 * cost ~15–25 µs, a frame more to a corked socket ~0.9 µs (`npm run bench:relay-batch`,
 * ARCHITECTURE.md § The relay under load). Counted as receivers × (updates − 1).
 */
const FRAMES_A_MERGE_SAVES = 24

/**
 * Relays a batch of committed updates of one room. Each connection is handed its frames in
 * one call, which sends them in one socket write (corked), and never its own updates back.
 * The connections that sent nothing in the batch share one merged update instead, when
 * there are enough of them to pay for the merge.
 */
export function relayBatch<C>(
  batch: readonly Outgoing<C>[],
  connections: Iterable<C>,
  send: (connection: C, frames: readonly Uint8Array[]) => void,
): void {
  if (batch.length === 0) return
  const frames = batch.map(({ update }) => encodeUpdate(update))
  if (batch.length === 1) {
    const origin = batch[0]!.origin
    for (const connection of connections) if (connection !== origin) send(connection, frames)
    return
  }
  const senders = new Set<C>()
  for (const { origin } of batch) if (origin !== null) senders.add(origin)
  const receivers = [...connections]
  const others = receivers.length - receivers.filter((c) => senders.has(c)).length
  const whole = others * (batch.length - 1) >= FRAMES_A_MERGE_SAVES ? merged(batch) : frames
  for (const connection of receivers) {
    if (!senders.has(connection)) send(connection, whole)
    else {
      const theirs = frames.filter((_, i) => batch[i]!.origin !== connection)
      if (theirs.length > 0) send(connection, theirs)
    }
  }
}

/** The batch as one update frame; its frames as they are should Yjs fail to merge them. */
function merged<C>(batch: readonly Outgoing<C>[]): readonly Uint8Array[] {
  try {
    return [encodeUpdate(Y.mergeUpdates(batch.map((entry) => entry.update)))]
  } catch {
    return batch.map(({ update }) => encodeUpdate(update))
  }
}
