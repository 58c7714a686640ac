import { describe, expect, it } from 'vitest'
import { locales } from '../../../shared/domain/locale.ts'
import { catalogues, translate, type MessageKey } from '../../../shared/i18n/index.ts'

const keys = Object.keys(catalogues.sv) as MessageKey[]

/** Every placeholder of a message (in any of its forms) set to `count`. */
function allCounts(key: MessageKey, count: number): Record<string, number> {
  const message = catalogues.sv[key]
  const forms = typeof message === 'string' ? [message] : Object.values(message)
  const names = forms.flatMap((form) => [...form.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))
  return Object.fromEntries(names.map((name) => [name, count]))
}

/** Nouns in their plural: after a "1 " they give away a missing singular form. */
const plurals = {
  sv: /\b1 (punkter|minuter|frågor|planer|st 1:or|3:or|timmar|dagar)\b/,
  en: /\b1 (items|minutes|questions|plans|more 3s|hours|days)\b/,
}

describe('counting messages', () => {
  it('read "1 punkt" and "2 punkter", "1 item" and "2 items"', () => {
    expect(translate('sv', 'checklist.reasonUnscored', { n: 1 })).toBe('1 punkt ej bedömd')
    expect(translate('sv', 'checklist.reasonUnscored', { n: 2 })).toBe('2 punkter ej bedömda')
    expect(translate('sv', 'checklist.reasonUnscored', { n: 0 })).toBe('0 punkter ej bedömda')
    expect(translate('en', 'checklist.reasonUnscored', { n: 1 })).toBe('1 item not scored')
    expect(translate('en', 'checklist.reasonUnscored', { n: 3 })).toBe('3 items not scored')
    expect(translate('sv', 'agenda.over', { n: 1 })).toBe('1 minut för mycket')
    expect(translate('en', 'agenda.total', { total: 5, n: 60 })).toBe('Total 5 of 60 minutes')
  })

  it.each(locales)('no %s message puts a plural noun after a count of 1', (locale) => {
    const wrong = keys
      .map((key) => [key, translate(locale, key, allCounts(key, 1))] as const)
      .filter(([, text]) => plurals[locale].test(text))
    expect(wrong).toEqual([])
  })

  it('every catalogue has the same keys, each in the same form as Swedish', () => {
    for (const locale of locales) {
      for (const key of keys) {
        const [sv, other] = [catalogues.sv[key], catalogues[locale][key]]
        expect(typeof other, `${locale} ${key}`).toBe(typeof sv)
      }
      expect(Object.keys(catalogues[locale]).sort()).toEqual([...keys].sort())
    }
  })

  it('a counting message without a count reads as plural; unknown placeholders stay', () => {
    expect(translate('sv', 'checklist.reasonUnscored')).toBe('{n} punkter ej bedömda')
    expect(translate('sv', 'agenda.moved', { title: 'Fika' })).toBe(
      'Fika flyttad till plats {n} av {total}',
    )
  })
})
