import { parseArgs, type ParseArgsConfig } from 'node:util'

type Options = NonNullable<ParseArgsConfig['options']>

/**
 * `--round <id>` where the id begins with '-' (a random base64url id does, one in 64):
 * Node's parseArgs refuses such a value as ambiguous unless written `--round=<id>`. A value
 * after a string option is joined to it, unless it is itself one of the command's options
 * (`--round --days 3` still reads as a missing value).
 */
export function joinOptionValues(args: readonly string[], options: Options): string[] {
  const isOption = (arg: string) => {
    if (!arg.startsWith('-')) return false
    const name = arg.replace(/^--?/, '').split('=')[0]!
    return Object.hasOwn(options, name) || Object.values(options).some((o) => o.short === name)
  }
  const joined: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    const next = args[i + 1]
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : null
    if (name && options[name]?.type === 'string' && next?.startsWith('-') && !isOption(next)) {
      joined.push(`${arg}=${next}`)
      i += 1
    } else joined.push(arg)
  }
  return joined
}

/** parseArgs, strict, over the command's arguments with their values joined as above. */
export function parseCommandArgs<T extends ParseArgsConfig & { args: string[]; options: Options }>(
  config: T,
) {
  return parseArgs<T & { strict: true }>({
    ...config,
    args: joinOptionValues(config.args, config.options),
    strict: true,
  })
}
