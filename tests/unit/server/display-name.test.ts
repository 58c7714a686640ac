import { describe, expect, it } from 'vitest'
import { displayNameSchema, joinRequestSchema } from '../../../shared/api.ts'
import { displayNameProblem, textProblem } from '../../../shared/domain/display-name.ts'

describe('display names (the join form and the API share the rule)', () => {
  it('accepts real names in any script, with emoji and joiners', () => {
    for (const name of [
      'Anna Svensson',
      'Åsa Öberg-Ängel',
      'محمد علي',
      'Zoë 👩‍👩‍👧',
      'Ólafur',
      '李小龍',
      'D’Angelo (Hedemora)',
    ]) {
      expect(displayNameProblem(name), name).toBeNull()
    }
  })

  it('refuses control characters, line and paragraph separators, lone surrogates', () => {
    for (const name of [
      'Anna\nBo',
      'Anna\tBo',
      'Anna\u001b[31m',
      'Anna\u0000',
      'A\u2028B',
      'A\uD800B',
    ]) {
      expect(displayNameProblem(name), JSON.stringify(name)).toBe('control')
    }
  })

  it('refuses bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069)', () => {
    for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      expect(displayNameProblem(`Anna${String.fromCharCode(code)}anneR`)).toBe('bidi')
    }
  })

  it('refuses names with nothing visible', () => {
    for (const name of [
      '\u200b',
      '\u200b\u200c\u200d',
      '\u2060\ufeff',
      '\u3164',
      '\u115f\u1160',
      '\u2800',
      '\u00a0\u2003',
      '\u0301\u0302',
    ]) {
      expect(displayNameProblem(name), JSON.stringify(name)).toBe('invisible')
    }
    expect(displayNameProblem('')).toBe('empty')
    expect(displayNameProblem('x'.repeat(81))).toBe('too_long')
  })

  it('the schema trims, then applies the rule with a message that says why', () => {
    expect(displayNameSchema.parse('  Anna  ')).toBe('Anna')
    const refused = joinRequestSchema.safeParse({ invite: 'x'.repeat(43), name: '\u202eanna' })
    expect(refused.success).toBe(false)
    expect(refused.error?.issues[0]?.message).toMatch(/text-direction/)
    expect(displayNameSchema.safeParse('   ').success).toBe(false)
  })

  it('other shown text (a meeting title, a place) may be empty but not carry controls', () => {
    expect(textProblem('')).toBeNull()
    expect(textProblem('Träff 2\u202e')).toBe('bidi')
    expect(textProblem('Rum\r\n3')).toBe('control')
  })
})
