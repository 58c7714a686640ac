/** The link a round lead opens: the token stays in the fragment, so it never reaches logs. */
export const leadJoinLink = (publicUrl: string, token: string): string =>
  `${publicUrl.replace(/\/$/, '')}/leda#${token}`

const DAY_MS = 24 * 60 * 60 * 1000

/** A round lead invitation is valid for a week unless asked otherwise. */
export const DEFAULT_LEAD_INVITATION_DAYS = 7

export const leadInvitationExpiry = (days: number, now = Date.now()): Date =>
  new Date(now + days * DAY_MS)
