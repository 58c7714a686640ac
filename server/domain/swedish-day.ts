/**
 * Meetings are dated by the Swedish calendar: a connection at 00:30 on the meeting's
 * morning is that day's, whatever the server's time zone.
 *
 * Worked out from Sweden's rules rather than with Intl.DateTimeFormat: the first formatter a
 * process makes loads ICU's locale and time-zone data, ~20 ms on the main thread in one go,
 * which fell on a restart's start-up or its first member's join (`npm run bench:storm`).
 * Sweden keeps Central European Time (UTC+1) and the EU's summer time (UTC+2) from 01:00
 * UTC on March's last Sunday to 01:00 UTC on October's last Sunday (since 1996; the
 * unit test checks these against ICU's Europe/Stockholm at every midnight and switch).
 */
const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/** 01:00 UTC on the last Sunday of `month` (0-based) in `year`, as epoch ms. */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0, 1))
  return lastDay.getTime() - lastDay.getUTCDay() * DAY_MS
}

/** The offset from UTC in Sweden at `at`, ms. */
export function swedishOffsetMs(at: number): number {
  const year = new Date(at).getUTCFullYear()
  const summer = at >= lastSundayAtOneUtc(year, 2) && at < lastSundayAtOneUtc(year, 9)
  return (summer ? 2 : 1) * HOUR_MS
}

/** YYYY-MM-DD in Sweden (Europe/Stockholm). */
export const dayInSweden = (at: Date): string =>
  new Date(at.getTime() + swedishOffsetMs(at.getTime())).toISOString().slice(0, 10)
