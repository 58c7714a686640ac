import type { Locale, Localized } from '../domain/locale.ts'
import { en } from './en.ts'
import { sv, type Catalogue, type MessageKey } from './sv.ts'

export type { MessageKey } from './sv.ts'
export const catalogues: Record<Locale, Catalogue> = { sv, en }

/** Looks up a message and fills `{name}` placeholders. */
export function translate(
  locale: Locale,
  key: MessageKey,
  values: Record<string, string | number> = {},
): string {
  return catalogues[locale][key].replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  )
}

export const localized = (locale: Locale, text: Localized): string => text[locale]
