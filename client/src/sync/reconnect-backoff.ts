import type { WebsocketProvider } from 'y-websocket'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'

/** The longest wait between two reconnect attempts, ms: a network that is gone. */
export const RECONNECT_CAP_MS = 5000
/** The longest wait while the relay restarts (before jitter), ms. */
export const RESTART_CAP_MS = 1000
/** How long after the relay said it is going away reconnects stay quick, ms. */
export const RESTART_WINDOW_MS = 60_000

/**
 * The cap on y-websocket's reconnect backoff. The provider doubles its wait after each
 * failed attempt (0.2, 0.4, 0.8, 1.6, 3.2 s …) up to this cap, the same for every member.
 * When the relay restarts (a deploy: it closes every socket with GoingAway) it is usually
 * back within a second or two; with the 5 s cap a member then tried at 1.4 s, found it not
 * yet up, and waited until 3.0 s, or until 6.2 s after a slower start, with every member of
 * every group arriving in the same instant. For a minute after a GoingAway the cap is about
 * a second, jittered per member (±25 %), so members are back within about a second of the
 * relay and spread out; then, and once connected, the usual cap again.
 */
export function makeReconnectBackoff(random: () => number = Math.random, now = Date.now) {
  const restartCap = Math.round(RESTART_CAP_MS * (0.75 + random() * 0.5))
  let restartUntil = -Infinity

  /** The cap after a connection closed (`code` undefined: closed by this side or unknown). */
  function afterClose(code: number | undefined): number {
    if (code === CloseCode.GoingAway) restartUntil = now() + RESTART_WINDOW_MS
    return now() < restartUntil ? restartCap : RECONNECT_CAP_MS
  }

  /** The cap once a connection is open. */
  function connected(): number {
    restartUntil = -Infinity
    return RECONNECT_CAP_MS
  }

  return { afterClose, connected }
}

/**
 * Keeps the provider's backoff cap at the policy's: quick while the relay restarts. The
 * provider reads `maxBackoffTime` right after 'connection-close', for the attempt it
 * schedules then.
 */
export function followRelayRestarts(
  provider: WebsocketProvider,
  backoff: ReturnType<typeof makeReconnectBackoff> = makeReconnectBackoff(),
): void {
  provider.on('connection-close', (event) => {
    provider.maxBackoffTime = backoff.afterClose(event?.code)
  })
  provider.on('status', ({ status }) => {
    if (status === 'connected') provider.maxBackoffTime = backoff.connected()
  })
}
