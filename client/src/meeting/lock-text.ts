import type { Locale } from '../../../shared/domain/locale.ts'

/** A lock's time as people say it: "10.42" in Swedish, "10:42" in English. */
export function lockClock(at: number, locale: Locale): string {
  const time = new Date(at)
  const hh = String(time.getHours()).padStart(2, '0')
  const mm = String(time.getMinutes()).padStart(2, '0')
  return `${hh}${locale === 'sv' ? '.' : ':'}${mm}`
}
