import { createSignal, onCleanup, type Accessor } from 'solid-js'
import { api } from '../api/client.ts'

/** How often the offset is measured again (clocks drift; laptops sleep). */
const REMEASURE_MS = 5 * 60 * 1000
/** Samples per measurement; the one with the shortest round trip is the most exact. */
const SAMPLES = 3

/**
 * Estimates `server clock − this device's clock` from a request's round trip: the server
 * read its clock about halfway through it. Pure, for tests.
 */
export function offsetFrom(sample: { sentAt: number; receivedAt: number; serverNow: number }) {
  return sample.serverNow - (sample.sentAt + sample.receivedAt) / 2
}

/**
 * The server's clock as this device can best tell it: `now()` is this device's clock plus
 * the measured offset. A meeting's timer counts on it, so two screens whose clocks differ
 * by minutes show the same remaining time. Re-measured every few minutes; cleans up with
 * its owner.
 */
export function createServerClock(): { now: () => number; offset: Accessor<number | null> } {
  const [offset, setOffset] = createSignal<number | null>(null)
  let stopped = false
  async function measure(): Promise<void> {
    let best: { roundTrip: number; offset: number } | null = null
    for (let i = 0; i < SAMPLES && !stopped; i++) {
      const sentAt = Date.now()
      try {
        const { now: serverNow } = await api.time()
        const receivedAt = Date.now()
        const roundTrip = receivedAt - sentAt
        if (!best || roundTrip < best.roundTrip)
          best = { roundTrip, offset: offsetFrom({ sentAt, receivedAt, serverNow }) }
      } catch {
        // Offline: keep the last offset (or none: the device's clock) and try again later.
      }
    }
    if (best && !stopped) setOffset(best.offset)
  }
  void measure()
  const timer = setInterval(() => void measure(), REMEASURE_MS)
  onCleanup(() => {
    stopped = true
    clearInterval(timer)
  })
  return { now: () => Date.now() + (offset() ?? 0), offset }
}
