import type { Locale } from '../domain/locale.ts'
import { en } from './en.ts'
import { sv, type Catalogue, type MessageKey, type PluralMessage } from './sv.ts'

export type { MessageKey } from './sv.ts'
export const catalogues: Record<Locale, Catalogue> = { sv, en }

const pluralRules = {
  sv: new Intl.PluralRules('sv'),
  en: new Intl.PluralRules('en'),
} satisfies Record<Locale, Intl.PluralRules>

/** The form of a counting message for `count` (a missing count reads as plural). */
function pluralForm(locale: Locale, message: PluralMessage, count: unknown): string {
  if (typeof count !== 'number') return message.other
  return pluralRules[locale].select(count) === 'one' ? message.one : message.other
}

/**
 * Looks up a message and fills `{name}` placeholders. A counting message ({ one, other })
 * takes its form from `values.n`.
 */
export function translate(
  locale: Locale,
  key: MessageKey,
  values: Record<string, string | number> = {},
): string {
  const message: string | PluralMessage = catalogues[locale][key]
  const text = typeof message === 'string' ? message : pluralForm(locale, message, values.n)
  return text.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  )
}
