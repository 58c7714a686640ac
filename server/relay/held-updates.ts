import type { DocumentLimits } from '../../shared/protocol/document-limits.ts'
import type { Missing } from './update-gate.ts'

/** An update the gate holds back until the room has what it builds on. */
export interface HeldUpdate<C> {
  readonly connection: C
  readonly update: Uint8Array
  readonly missing: Missing
  readonly since: number
}

/**
 * A room's held-back updates, bounded per connection and per room. Yjs would keep such
 * updates as pending structs and re-merge them on every later update, which grows
 * quadratically as gaps accumulate (50 sockets sending out of order froze the server for
 * minutes); here they wait outside the document and are looked at again only when the
 * clock they wait for arrives.
 */
export function makeHeldUpdates<C>(limits: DocumentLimits, now: () => number = Date.now) {
  const held: HeldUpdate<C>[] = []
  let roomBytes = 0

  /** Holds an update; false when that would pass a limit (the caller refuses the sender). */
  function hold(connection: C, update: Uint8Array, missing: Missing): boolean {
    let count = 0
    let bytes = 0
    for (const entry of held) {
      if (entry.connection !== connection) continue
      count += 1
      bytes += entry.update.byteLength
    }
    if (
      count + 1 > limits.maxHeldUpdatesPerConnection ||
      bytes + update.byteLength > limits.maxHeldBytesPerConnection ||
      roomBytes + update.byteLength > limits.maxHeldBytesPerRoom
    )
      return false
    held.push({ connection, update, missing, since: now() })
    roomBytes += update.byteLength
    return true
  }

  /** Takes out, oldest first, the updates whose missing clock the document now has. */
  function takeReady(state: (client: number) => number): HeldUpdate<C>[] {
    if (held.length === 0) return []
    const ready: HeldUpdate<C>[] = []
    for (let i = 0; i < held.length;) {
      const entry = held[i]!
      if (entry.missing.clock < state(entry.missing.client)) {
        ready.push(entry)
        remove(i)
      } else i += 1
    }
    return ready
  }

  /** Connections with an update held longer than the limit; their updates are dropped. */
  function takeExpired(): C[] {
    const cutoff = now() - limits.heldUpdateTimeoutMs
    const late = new Set<C>()
    for (const entry of held) if (entry.since <= cutoff) late.add(entry.connection)
    for (const connection of late) drop(connection)
    return [...late]
  }

  /** Forgets a connection's held updates (it closed; its client resends them on reconnect). */
  function drop(connection: C): void {
    for (let i = held.length - 1; i >= 0; i--) if (held[i]!.connection === connection) remove(i)
  }

  /** When the oldest held update expires; null when none is held. */
  function nextExpiry(): number | null {
    const oldest = held[0]
    return oldest ? oldest.since + limits.heldUpdateTimeoutMs : null
  }

  function remove(index: number): void {
    roomBytes -= held[index]!.update.byteLength
    held.splice(index, 1)
  }

  return { hold, takeReady, takeExpired, drop, nextExpiry, size: () => held.length }
}
