import type { Locale } from '../domain/locale.ts'
import type { Catalogue, MessageKey, PluralMessage } from './sv.ts'

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
 * Looks up a message in a locale's catalogue and fills `{name}` placeholders. A counting
 * message ({ one, other }) takes its form from `values.n`. Apart from index.ts, so the
 * client can load the English catalogue only when it is chosen.
 */
export function translateIn(
  catalogue: Catalogue,
  locale: Locale,
  key: MessageKey,
  values: Record<string, string | number> = {},
): string {
  const message: string | PluralMessage = catalogue[key]
  const text = typeof message === 'string' ? message : pluralForm(locale, message, values.n)
  return text.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  )
}
