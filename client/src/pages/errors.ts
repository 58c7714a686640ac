import type { MessageKey } from '../../../shared/i18n/index.ts'
import { ApiFailure } from '../api/client.ts'

/** The message key that explains an API failure to the user. */
export function errorMessageKey(error: unknown): MessageKey {
  if (!(error instanceof ApiFailure)) return 'error.generic'
  switch (error.code) {
    case 'invite_not_found':
    case 'invite_revoked':
    case 'invite_expired':
    case 'invite_used_up':
    case 'unauthenticated':
    case 'forbidden':
    case 'not_found':
    case 'bad_request':
      return `error.${error.code}`
    default:
      return 'error.generic'
  }
}
