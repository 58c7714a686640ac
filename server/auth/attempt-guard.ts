import type { Context } from 'hono'
import { clientAddress } from '../http/client-address.ts'
import { apiError } from '../http/errors.ts'
import type { Logger } from '../log.ts'
import type { AttemptLimiter } from './attempt-limiter.ts'

/**
 * Refuses the caller's address past its limit of failed token attempts (429 with
 * Retry-After, logged once per spell). The caller calls `failed()` when the token was no
 * good, so only guesses cost the address anything.
 */
export function guardAttempt(
  c: Context,
  attempts: AttemptLimiter,
  logger: Logger,
): { address: string; failed(): void } {
  const address = clientAddress(c)
  const attempt = attempts.attempt(address)
  if (!attempt.allowed) {
    if (attempt.firstRefusal)
      logger.warn('token attempts rate limited', { address, path: c.req.path })
    throw apiError(
      429,
      'rate_limited',
      'Too many attempts from your address. Wait a minute and try again.',
      undefined,
      { 'Retry-After': String(attempt.retryAfterSeconds) },
    )
  }
  return { address, failed: () => attempt.failed() }
}
