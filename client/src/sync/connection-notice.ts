import type { MessageKey } from '../../../shared/i18n/index.ts'
import type { ConnectionStatus } from './connection.ts'

/**
 * A reconnect shorter than this (a server restart, a blip on the network) shows
 * "Ansluter …"; past it the header says plainly that the member is disconnected, for how
 * long, and that their edits are kept on this device until the connection is back.
 */
export const QUIET_RECONNECT_MS = 5_000

export interface ConnectionNotice {
  key: MessageKey
  values?: { n: number }
}

/** What the header says about the connection (pure: the caller supplies the clock). */
export function connectionNotice(
  status: ConnectionStatus,
  disconnectedSince: number | null,
  now: number,
): ConnectionNotice {
  if (status === 'ended' || status === 'connected') return { key: `conn.${status}` }
  const since = disconnectedSince ?? now
  const away = Math.max(0, now - since)
  // The browser knows it is offline: no point in saying "connecting" first.
  if (status === 'connecting' && away < QUIET_RECONNECT_MS) return { key: 'conn.connecting' }
  const minutes = Math.floor(away / 60_000)
  return minutes < 1
    ? { key: 'conn.disconnectedNow' }
    : { key: 'conn.disconnected', values: { n: minutes } }
}
