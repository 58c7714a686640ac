import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'

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
 * would pin a misconfigured host at worst. An accepted WebSocket handshake gets none (they
 * govern no document; relay/ws-upgrade.ts answers it past the app), a refused one the same
 * as every other answer (`makeRefusalHeaders`).
 */
export function makeSecurityHeaders(publicUrl: string): MiddlewareHandler {
  const https = publicUrl.startsWith('https:')
  return secureHeaders({
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
}

/**
 * The security headers of a refused WebSocket handshake, for its `Host`: the relay answers
 * the upgrade itself (relay/ws-upgrade.ts), and a refusal is rare enough to take them from
 * the same middleware over a request of its own.
 */
export function makeRefusalHeaders(publicUrl: string) {
  const app = new Hono()
  app.use(makeSecurityHeaders(publicUrl))
  app.all('*', (c) => c.body(null, 400))
  return async function refusalHeaders(host: string | undefined): Promise<Headers> {
    const answer = await app.request('/', { headers: host ? { host } : {} })
    return answer.headers
  }
}
