import { meetingKindLabels } from '../../../shared/domain/labels.ts'
import { en } from '../../../shared/i18n/en.ts'
import { sv } from '../../../shared/i18n/sv.ts'

type Message = string | Record<string, string>

const forms = (message: Message | undefined): string[] =>
  message === undefined ? [] : typeof message === 'string' ? [message] : Object.values(message)

const escape = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
const staticText = (template: string) => template.replace(/\{\w+\}/g, '').trim()

/**
 * Every Swedish UI text that English says otherwise, as a whole-text pattern (a `{param}`
 * matches anything); texts too short to tell apart, or the same in both, are left out.
 */
const swedishOnly: RegExp[] = (Object.keys(sv) as (keyof typeof sv)[]).flatMap((key) => {
  const english = new Set(forms(en[key] as Message).map(staticText))
  return forms(sv[key] as Message)
    .filter((text) => staticText(text).length >= 4 && !english.has(staticText(text)))
    .map(
      (text) =>
        new RegExp(
          `^${text
            .split(/\{\w+\}/)
            .map(escape)
            .join('.+')}$`,
        ),
    )
})

/** Meeting kinds' Swedish names, found inside a longer heading too. */
const swedishKinds = Object.values(meetingKindLabels)
  .filter(({ sv: swedish, en: english }) => swedish !== english)
  .map(({ sv: swedish }) => swedish)

/** The texts (headings, say) that are a Swedish UI text or name a meeting kind in Swedish. */
export function swedishLeftovers(texts: readonly string[]): string[] {
  return texts
    .map((text) => text.trim())
    .filter(
      (text) =>
        swedishOnly.some((pattern) => pattern.test(text)) ||
        swedishKinds.some((kind) => text.includes(kind)),
    )
}
