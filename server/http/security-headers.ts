import type { Context, MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { isWebSocketUpgrade } from './origin-guard.ts'

/** A Host header we are willing to write into the policy (no `;`, spaces or quotes). */
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/

/**
 * The relay's WebSocket origins: `'self'` covers ws:/wss: of the page's own host in CSP 3,
 * but not in every browser still in use, so the client's socket URL (the page's host,
 * client/src/sync/connection.ts) and PUBLIC_URL's host are named as well.
 */
const socketSources = (publicUrl: string) => {
  const publicHost = new URL(publicUrl).host
  return (c: Context): string => {
    const hosts = new Set([publicHost])
    const host = c.req.header('host')
    if (host && HOST.test(host)) hosts.add(host)
    return [...hosts].flatMap((h) => [`ws://${h}`, `wss://${h}`]).join(' ')
  }
}

/**
 * Headers on every response. The CSP is what the built client needs and no more: its
 * scripts and styles are files from this origin (vite build; Solid sets `style` through the
 * CSSOM, which CSP does not govern), images are its own or data:/blob:, it talks to this
 * origin's API and relay, and no page may frame it (clickjacking a facilitator's buttons).
 * HSTS only with an https PUBLIC_URL: sent over plain http it would be ignored at best and
 * would pin a misconfigured host at worst.
 */
export function makeSecurityHeaders(publicUrl: string): MiddlewareHandler {
  const https = publicUrl.startsWith('https:')
  const secure = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'", socketSources(publicUrl)],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: https ? 'max-age=31536000' : false,
  })
  const none = async () => {}
  /**
   * On every response but an accepted WebSocket handshake (the Node adapter answers it with
   * an empty 2xx whose headers it copies onto the 101): those headers govern no document,
   * and in a reconnect storm setting them and copying them onto 2,000 handshakes was ~3 %
   * of the server's CPU (`STORM_PROFILE=1 npm run bench:storm`). A refused one gets them.
   */
  return async function securityHeaders(c, next) {
    if (!isWebSocketUpgrade(c)) return secure(c, next)
    await next()
    if (c.res.status >= 300) await secure(c, none)
  }
}
