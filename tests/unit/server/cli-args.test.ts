import { describe, expect, it } from 'vitest'
import { joinOptionValues, parseCommandArgs } from '../../../server/cli-args.ts'

const options = {
  round: { type: 'string' },
  days: { type: 'string' },
  json: { type: 'boolean' },
} as const

describe('the CLI reads option values that begin with a dash', () => {
  it('takes a random id beginning with "-" as the value of --round', () => {
    const { values, positionals } = parseCommandArgs({
      args: ['--round', '-Xb3kQ9_z', 'backup.json'],
      options,
      allowPositionals: true,
    })
    expect(values.round).toBe('-Xb3kQ9_z')
    expect(positionals).toEqual(['backup.json'])
  })

  it('leaves values without a dash, --name=value and booleans as they are', () => {
    expect(joinOptionValues(['--round', 'abc', '--days=3', '--json'], options)).toEqual([
      '--round',
      'abc',
      '--days=3',
      '--json',
    ])
    expect(joinOptionValues(['--json', '-x'], options)).toEqual(['--json', '-x'])
  })

  it('still refuses a string option followed by another of its options', () => {
    expect(() => parseCommandArgs({ args: ['--round', '--days', '3'], options })).toThrow(
      /ambiguous/,
    )
  })

  it('still refuses options the command does not have', () => {
    expect(() => parseCommandArgs({ args: ['--room', 'x'], options })).toThrow(/Unknown option/)
  })
})
