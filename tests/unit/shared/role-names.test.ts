import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cliRoleName, formatDemoLinks } from '../../../server/demo/print.ts'
import { roleLabels } from '../../../shared/domain/labels.ts'
import { en } from '../../../shared/i18n/en.ts'
import { sv } from '../../../shared/i18n/sv.ts'
import { roles } from '../../../shared/roles.ts'

/** Names the roles once had somewhere (the CLI said "Facilitator (mentor)" and "Åskådare"). */
const otherNames = /åskådare|observatör|facilitator \(mentor\)|\bobserver\b|\bspectator\b/i

const texts = (catalogue: Record<string, unknown>): string[] =>
  Object.values(catalogue).flatMap((message) =>
    typeof message === 'string' ? [message] : Object.values(message as Record<string, string>),
  )

describe('one name per role: UI (both languages), CLI and README', () => {
  it('the UI’s role names are the labels, in Swedish and English', () => {
    for (const role of roles) {
      expect(sv[`role.${role}`]).toBe(roleLabels[role].sv)
      expect(en[`role.${role}`]).toBe(roleLabels[role].en)
    }
    expect(Object.values(roleLabels).map((label) => label.sv)).toEqual([
      'processledare',
      'deltagare',
      'åhörare',
    ])
    for (const text of [...texts(sv), ...texts(en)]) expect(text).not.toMatch(otherNames)
  })

  it('the CLI prints the same Swedish names with the id --role takes', () => {
    const printed = formatDemoLinks(
      {
        groups: [
          {
            id: 'g',
            name: 'Askersund och Fagersta',
            room: 'askersund-fagersta',
            invites: {
              facilitator: 'f'.repeat(43),
              participant: 'p'.repeat(43),
              viewer: 'v'.repeat(43),
            },
          },
        ],
      },
      'http://localhost:3000',
    )
    for (const role of roles) {
      expect(cliRoleName(role)).toBe(`${roleLabels[role].sv} (${role})`)
      expect(printed).toContain(cliRoleName(role))
    }
    expect(printed).not.toMatch(otherNames)
  })

  it('the README names each role the same way', () => {
    const readme = readFileSync('README.md', 'utf8').replace(/\s+/g, ' ')
    for (const role of roles) expect(readme).toContain(`**${roleLabels[role].sv}** (\`${role}\``)
    expect(readme).not.toMatch(otherNames)
  })
})
