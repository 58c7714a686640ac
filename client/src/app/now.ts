import { createSignal, onCleanup, type Accessor } from 'solid-js'

/** The time of day, refreshed every `everyMs` while the owner lives (for agenda clocks). */
export function createNow(everyMs = 15_000): Accessor<Date> {
  const [now, setNow] = createSignal(new Date())
  const timer = setInterval(() => setNow(new Date()), everyMs)
  onCleanup(() => clearInterval(timer))
  return now
}

/** A date as YYYY-MM-DD in the browser's own time zone (meeting dates are local). */
export const localIsoDate = (date: Date): string =>
  [date.getFullYear(), date.getMonth() + 1, date.getDate()]
    .map((part) => String(part).padStart(2, '0'))
    .join('-')

export const minutesOfDay = (date: Date): number => date.getHours() * 60 + date.getMinutes()
