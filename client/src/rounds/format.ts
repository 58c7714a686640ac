import { roundTrackLabels } from '../../../shared/domain/labels.ts'
import type { Locale } from '../../../shared/domain/locale.ts'
import type { RoundSummary } from '../../../shared/rounds-api.ts'

const tag = (locale: Locale) => (locale === 'sv' ? 'sv-SE' : 'en-GB')

/** "2025–2026", or "2025" for a round within one year. */
export const roundYears = (round: Pick<RoundSummary, 'startYear' | 'endYear'>): string =>
  round.startYear === round.endYear ? `${round.startYear}` : `${round.startYear}–${round.endYear}`

export const trackName = (round: Pick<RoundSummary, 'track'>, locale: Locale): string =>
  roundTrackLabels[round.track][locale]

/** A meeting's date, YYYY-MM-DD, as "tis 14 okt 2025" / "Tue 14 Oct 2025". */
export const meetingDay = (date: string, locale: Locale): string =>
  new Date(`${date}T12:00:00`).toLocaleDateString(tag(locale), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  })

/** "12 mars 2026 14:05". */
export const moment = (iso: string, locale: Locale): string =>
  new Date(iso).toLocaleString(tag(locale), { dateStyle: 'medium', timeStyle: 'short' })
