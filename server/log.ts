/** Structured JSON-lines logging with context ({ room, participant, … }) carried by children. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent'
export type LogContext = Record<string, unknown>

export interface Logger {
  debug(message: string, context?: LogContext): void
  info(message: string, context?: LogContext): void
  warn(message: string, context?: LogContext): void
  error(message: string, context?: LogContext): void
  child(context: LogContext): Logger
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 }

const serialise = (value: unknown): unknown =>
  value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value

export function createLogger(
  level: LogLevel = 'info',
  base: LogContext = {},
  write: (line: string) => void = (line) => process.stderr.write(line + '\n'),
): Logger {
  const emit = (at: Exclude<LogLevel, 'silent'>, message: string, context?: LogContext) => {
    if (order[at] < order[level]) return
    const entry: LogContext = { time: new Date().toISOString(), level: at, msg: message, ...base }
    for (const [key, value] of Object.entries(context ?? {})) entry[key] = serialise(value)
    write(JSON.stringify(entry))
  }
  return {
    debug: (message, context) => emit('debug', message, context),
    info: (message, context) => emit('info', message, context),
    warn: (message, context) => emit('warn', message, context),
    error: (message, context) => emit('error', message, context),
    child: (context) => createLogger(level, { ...base, ...context }, write),
  }
}

export const isLogLevel = (value: string | undefined): value is LogLevel =>
  value !== undefined && value in order
