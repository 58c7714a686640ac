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

/**
 * One per connection: methods live on the prototype and children share the writer, so a
 * child costs two small objects, not a set of closures (it showed in idle memory).
 */
class JsonLinesLogger implements Logger {
  constructor(
    private readonly threshold: number,
    private readonly base: LogContext,
    private readonly write: (line: string) => void,
  ) {}

  debug(message: string, context?: LogContext): void {
    this.emit('debug', message, context)
  }
  info(message: string, context?: LogContext): void {
    this.emit('info', message, context)
  }
  warn(message: string, context?: LogContext): void {
    this.emit('warn', message, context)
  }
  error(message: string, context?: LogContext): void {
    this.emit('error', message, context)
  }
  child(context: LogContext): Logger {
    return new JsonLinesLogger(this.threshold, { ...this.base, ...context }, this.write)
  }

  private emit(at: Exclude<LogLevel, 'silent'>, message: string, context?: LogContext): void {
    if (order[at] < this.threshold) return
    const entry: LogContext = {
      time: new Date().toISOString(),
      level: at,
      msg: message,
      ...this.base,
    }
    for (const [key, value] of Object.entries(context ?? {})) entry[key] = serialise(value)
    this.write(JSON.stringify(entry))
  }
}

export function createLogger(
  level: LogLevel = 'info',
  base: LogContext = {},
  write: (line: string) => void = (line) => process.stderr.write(line + '\n'),
): Logger {
  return new JsonLinesLogger(order[level], base, write)
}

export const isLogLevel = (value: string | undefined): value is LogLevel =>
  value !== undefined && value in order
