import type { Locale } from '../domain/locale.ts'
import { en } from './en.ts'
import { sv, type Catalogue, type MessageKey } from './sv.ts'
import { translateIn } from './translate.ts'

export type { MessageKey } from './sv.ts'
export const catalogues: Record<Locale, Catalogue> = { sv, en }

/**
 * Looks up a message and fills `{name}` placeholders. A counting message ({ one, other })
 * takes its form from `values.n`.
 */
export const translate = (
  locale: Locale,
  key: MessageKey,
  values: Record<string, string | number> = {},
): string => translateIn(catalogues[locale], locale, key, values)
