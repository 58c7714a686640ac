import { createContext, createSignal, useContext, type ParentProps } from 'solid-js'
import { isLocale, type Locale, type Localized } from '../../../shared/domain/locale.ts'
import { translate, type MessageKey } from '../../../shared/i18n/index.ts'

const STORAGE_KEY = 'modellrummet:locale'

export interface I18n {
  locale: () => Locale
  setLocale: (locale: Locale) => void
  t: (key: MessageKey, values?: Record<string, string | number>) => string
  /** Picks the current language from domain data ({ sv, en }). */
  l: (text: Localized) => string
}

/** Swedish by default; the choice is remembered on this device and sets <html lang>. */
function createI18n(): I18n {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY)
  const initial: Locale = isLocale(stored) ? stored : 'sv'
  const [locale, setLocaleSignal] = createSignal<Locale>(initial)
  document.documentElement.lang = initial
  return {
    locale,
    setLocale: (next) => {
      setLocaleSignal(next)
      localStorage.setItem(STORAGE_KEY, next)
      document.documentElement.lang = next
    },
    t: (key, values) => translate(locale(), key, values),
    l: (text) => text[locale()],
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
