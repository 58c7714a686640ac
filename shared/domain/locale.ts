/** The UI languages: Swedish first, English second. */
export type Locale = 'sv' | 'en'
export const locales: readonly Locale[] = ['sv', 'en']

/** A text in every UI language. */
export interface Localized {
  sv: string
  en: string
}

export const isLocale = (value: unknown): value is Locale => value === 'sv' || value === 'en'
