import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { Logger } from '../log.ts'
import { apiError } from './errors.ts'

export interface OriginPolicy {
  /** PUBLIC_URL: its origin is where the client is served from behind a proxy. */
  publicUrl: string
  /** ALLOWED_ORIGINS, already normalised (`URL.origin`). */
  allowedOrigins: readonly string[]
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export const isStateChanging = (method: string): boolean => STATE_CHANGING.has(method)

export const isWebSocketUpgrade = (c: Context): boolean =>
  c.req.method === 'GET' && c.req.header('upgrade')?.toLowerCase() === 'websocket'

/** The origin a browser would send for this URL, or null for what is not an http(s) origin. */
const originOf = (value: string): string | null => {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null
  } catch {
    return null
  }
}

/**
 * Refuses (403) the WebSocket upgrade and every state-changing request that a page of
 * another site makes: a browser always sends `Origin` on both, and a member's cookie rides
 * along (SameSite=Lax still lets a sibling origin of the same site through). Allowed:
 * PUBLIC_URL's origin, the request's own (scheme + Host: a server reached on another name
 * or port) and ALLOWED_ORIGINS. Without `Origin` the caller is no browser page (the CLI,
 * scripts, Node's WebsocketProvider): nothing to forge there, so it passes.
 */
export function makeOriginGuard(policy: OriginPolicy, logger: Logger) {
  const fixed = new Set(
    [originOf(policy.publicUrl), ...policy.allowedOrigins].filter((o): o is string => !!o),
  )
  const listed = new Set(policy.allowedOrigins)
  const allowed = (origin: string, c: Context): boolean => {
    const normalised = originOf(origin)
    if (!normalised) return false // "null" (sandboxed frames, file:) and garbage
    return fixed.has(normalised) || normalised === originOf(c.req.url)
  }
  // Sec-Fetch-Site says cross-site for an origin of another site on ALLOWED_ORIGINS too:
  // listing it is the deployment's explicit consent.
  const refused = (c: Context): boolean => {
    const origin = c.req.header('origin')
    if (origin !== undefined && !allowed(origin, c)) return true
    const crossSite = c.req.header('sec-fetch-site') === 'cross-site'
    return crossSite && !(origin !== undefined && listed.has(originOf(origin) ?? ''))
  }

  return createMiddleware(async (c, next) => {
    if (!isStateChanging(c.req.method) && !isWebSocketUpgrade(c)) return next()
    if (refused(c)) {
      logger.warn('cross-site request refused', {
        method: c.req.method,
        path: c.req.path,
        origin: c.req.header('origin')?.slice(0, 200),
        fetchSite: c.req.header('sec-fetch-site'),
      })
      throw apiError(403, 'cross_origin', 'Requests from other sites are not allowed.')
    }
    return next()
  })
}
