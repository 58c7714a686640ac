import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MalformedMessage } from './protocol.ts'

/** One client's entry in an awareness update: its id, its clock, its state (null: gone). */
export interface AwarenessEntry {
  clientId: number
  clock: number
  state: unknown
}

/**
 * Reads an awareness update as y-protocols encodes it (a count, then per entry the client
 * id, the clock and the state as a JSON string), so the relay can look at each entry
 * before applying it. Throws MalformedMessage for anything else.
 */
export function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    const entries: AwarenessEntry[] = []
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const state: unknown = JSON.parse(decoding.readVarString(decoder))
      entries.push({ clientId, clock, state })
    }
    return entries
  } catch (error) {
    throw new MalformedMessage(
      `invalid awareness: ${error instanceof Error ? error.message : 'unreadable'}`,
    )
  }
}

/** The inverse of decodeAwarenessEntries. */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarString(encoder, JSON.stringify(entry.state))
  }
  return encoding.toUint8Array(encoder)
}
