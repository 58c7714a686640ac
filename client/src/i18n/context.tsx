import { createContext, createSignal, useContext, type ParentProps } from 'solid-js'
import { isLocale, type Locale, type Localized } from '../../../shared/domain/locale.ts'
import type { MessageKey } from '../../../shared/i18n/index.ts'
import { sv, type Catalogue } from '../../../shared/i18n/sv.ts'
import { translateIn } from '../../../shared/i18n/translate.ts'

const STORAGE_KEY = 'modellrummet:locale'

export interface I18n {
  locale: () => Locale
  setLocale: (locale: Locale) => void
  t: (key: MessageKey, values?: Record<string, string | number>) => string
  /** Picks the current language from domain data ({ sv, en }). */
  l: (text: Localized) => string
}

/** The language this device chose before (Swedish unless it chose another). */
export function storedLocale(): Locale {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY)
  return isLocale(stored) ? stored : 'sv'
}

/**
 * A language's texts. English is loaded when chosen: most members read Swedish, and its
 * catalogue was a tenth of the initial JS (ARCHITECTURE.md, "Client performance").
 * main.tsx loads a stored choice before the first render, so no Swedish flashes by.
 */
export const loadCatalogue = (locale: Locale): Promise<Catalogue> =>
  locale === 'sv' ? Promise.resolve(sv) : import('../../../shared/i18n/en.ts').then((m) => m.en)

/** Swedish by default; the choice is remembered on this device and sets <html lang>. */
function createI18n(): I18n {
  const [current, setCurrent] = createSignal<{ locale: Locale; catalogue: Catalogue }>({
    locale: 'sv',
    catalogue: sv,
  })
  document.documentElement.lang = 'sv'
  const show = (locale: Locale) =>
    void loadCatalogue(locale).then((catalogue) => {
      setCurrent({ locale, catalogue })
      document.documentElement.lang = locale
    })
  const initial = storedLocale()
  if (initial !== 'sv') show(initial)
  return {
    locale: () => current().locale,
    setLocale: (next) => {
      localStorage.setItem(STORAGE_KEY, next)
      show(next)
    },
    t: (key, values) => translateIn(current().catalogue, current().locale, key, values),
    l: (text) => text[current().locale],
  }
}

const I18nContext = createContext<I18n>()

/** The app's language for everything inside it (one for the app's life). */
export function I18nProvider(props: ParentProps) {
  const i18n = createI18n()
  return <I18nContext.Provider value={i18n}>{props.children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext)
  if (!i18n) throw new Error('useI18n outside I18nProvider')
  return i18n
}
