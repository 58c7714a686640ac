/** When a meeting's agenda items happen, from its start time and their minutes. */

const MINUTES_PER_DAY = 24 * 60
/** A time of day as meetings store it (HH:MM); the API validates start times with it. */
export const CLOCK_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/

/** "HH:MM" → minutes after midnight; null for anything else. */
export function parseClock(time: string): number | null {
  const match = CLOCK_PATTERN.exec(time)
  return match ? Number(match[1]) * 60 + Number(match[2]) : null
}

/** Minutes after midnight → "HH:MM", past midnight starting over at 00:00. */
export function formatClock(minutes: number): string {
  const inDay = ((Math.floor(minutes) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(Math.floor(inDay / 60))}:${pad(inDay % 60)}`
}

export interface AgendaSchedule {
  /** Start time of each item, in the agenda's order. */
  starts: string[]
  /** When the last item ends. */
  end: string
}

interface ItemSpan {
  start: number
  end: number
}

/** Each item's minutes after midnight; minutes that are not a positive number take no time. */
function itemSpans(first: number, minutes: readonly number[]): ItemSpan[] {
  let clock = first
  return minutes.map((length) => {
    const span = { start: clock, end: clock + (Number.isFinite(length) && length > 0 ? length : 0) }
    clock = span.end
    return span
  })
}

/**
 * The clock time of each item for a meeting starting at `start` (HH:MM), or null without a
 * usable start.
 */
export function agendaSchedule(start: string, minutes: readonly number[]): AgendaSchedule | null {
  const first = parseClock(start)
  if (first === null) return null
  const spans = itemSpans(first, minutes)
  return {
    starts: spans.map((span) => formatClock(span.start)),
    end: formatClock(spans.at(-1)?.end ?? first),
  }
}

/**
 * The item the schedule has running at `now` (minutes after midnight), or null before the
 * first starts, after the last ends, or without a usable start. An item of no minutes never
 * runs. A schedule past midnight is read on its first day only.
 */
export function runningAgendaItem(
  start: string,
  minutes: readonly number[],
  now: number,
): number | null {
  const first = parseClock(start)
  if (first === null) return null
  const index = itemSpans(first, minutes).findIndex((span) => now >= span.start && now < span.end)
  return index === -1 ? null : index
}
