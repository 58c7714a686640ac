import { describe, expect, it } from 'vitest'
import { dayInSweden, swedishOffsetMs } from '../../../server/domain/swedish-day.ts'

const stockholm = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

const stockholmHour = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  hour: '2-digit',
  hourCycle: 'h23',
})

const HOUR_MS = 3_600_000

describe('dayInSweden', () => {
  it("agrees with ICU's Europe/Stockholm on either side of every midnight from 2000 to 2040", () => {
    // Swedish midnight is 22:00 or 23:00 UTC: a millisecond before and at each, every day.
    const instants = [-1, 0, HOUR_MS - 1, HOUR_MS]
    const disagreements: string[] = []
    for (let day = Date.UTC(2000, 0, 1, 22); day < Date.UTC(2041, 0, 1); day += 24 * HOUR_MS) {
      for (const offset of instants) {
        const date = new Date(day + offset)
        if (dayInSweden(date) !== stockholm.format(date)) disagreements.push(date.toISOString())
      }
    }
    expect(disagreements).toEqual([])
  })

  it('switches to and from summer time at the same instant as ICU', () => {
    const disagreements: string[] = []
    for (let year = 2000; year <= 2040; year++) {
      for (const month of [2, 9]) {
        // Every hour of the month's last week, read as the hour of the day in Sweden.
        for (
          let at = Date.UTC(year, month, 24);
          at < Date.UTC(year, month + 1, 1, 2);
          at += HOUR_MS
        ) {
          for (const date of [new Date(at - 1), new Date(at)]) {
            const hour = new Date(date.getTime() + swedishOffsetMs(date.getTime())).getUTCHours()
            if (String(hour).padStart(2, '0') !== stockholmHour.format(date))
              disagreements.push(date.toISOString())
          }
        }
      }
    }
    expect(disagreements).toEqual([])
  })

  it('reads 00:30 on a summer morning in Sweden as that day, though it is the day before in UTC', () => {
    expect(dayInSweden(new Date('2026-06-09T22:30:00Z'))).toBe('2026-06-10')
    expect(dayInSweden(new Date('2026-12-09T23:30:00Z'))).toBe('2026-12-10')
    expect(dayInSweden(new Date('2026-12-09T22:30:00Z'))).toBe('2026-12-09')
  })
})
