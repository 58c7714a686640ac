import type { Locale } from '../../../shared/domain/locale.ts'

const tag = (locale: Locale) => (locale === 'sv' ? 'sv-SE' : 'en-GB')

/** "12 mars 2026" / "12 March 2026". */
export const formatDay = (iso: string, locale: Locale): string =>
  new Date(iso).toLocaleDateString(tag(locale), { dateStyle: 'long' })

/** "12 mars 2026 14:05". */
export const formatMoment = (iso: string, locale: Locale): string =>
  new Date(iso).toLocaleString(tag(locale), { dateStyle: 'medium', timeStyle: 'short' })
