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

/** The origin a browser would send for this URL, or null for what is not an http(s) origin. */
const originOf = (value: string): string | null => {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null
  } catch {
    return null
  }
}

/** What of a request the origin policy reads (and its log line names). */
export interface OriginHeaders {
  method: string
  path: string
  origin: string | undefined
  fetchSite: string | undefined
  /** The request's own URL (scheme + Host + path): its origin is always allowed. */
  url: string
}

/**
 * Refuses (403, logged) a request that a browser page of another site sent: a browser
 * always sends `Origin` on a WebSocket upgrade and a state-changing request, and a member's
 * cookie rides along (SameSite=Lax still lets a sibling origin of the same site through).
 * Allowed: PUBLIC_URL's origin, the request's own (scheme + Host: a server reached on
 * another name or port) and ALLOWED_ORIGINS. Without `Origin` the caller is no browser page
 * (the CLI, scripts, Node's WebsocketProvider): nothing to forge there, so it passes. The
 * HTTP guard below and the relay's upgrade (relay/ws-upgrade.ts) both ask it.
 */
export function makeCrossSiteRefusal(policy: OriginPolicy, logger: Logger) {
  const fixed = new Set(
    [originOf(policy.publicUrl), ...policy.allowedOrigins].filter((o): o is string => !!o),
  )
  const listed = new Set(policy.allowedOrigins)
  const allowed = (origin: string, url: string): boolean => {
    const normalised = originOf(origin)
    if (!normalised) return false // "null" (sandboxed frames, file:) and garbage
    return fixed.has(normalised) || normalised === originOf(url)
  }
  // Sec-Fetch-Site says cross-site for an origin of another site on ALLOWED_ORIGINS too:
  // listing it is the deployment's explicit consent.
  const isCrossSite = ({ origin, fetchSite, url }: OriginHeaders): boolean => {
    if (origin !== undefined && !allowed(origin, url)) return true
    const crossSite = fetchSite === 'cross-site'
    return crossSite && !(origin !== undefined && listed.has(originOf(origin) ?? ''))
  }
  return function refuseCrossSite(request: OriginHeaders): void {
    if (!isCrossSite(request)) return
    const { method, path, origin, fetchSite } = request
    logger.warn('cross-site request refused', {
      method,
      path,
      origin: origin?.slice(0, 200),
      fetchSite,
    })
    throw apiError(403, 'cross_origin', 'Requests from other sites are not allowed.')
  }
}

/** Refuses (403) every state-changing request that a page of another site makes. */
export function makeOriginGuard(policy: OriginPolicy, logger: Logger) {
  const refuseCrossSite = makeCrossSiteRefusal(policy, logger)
  return createMiddleware(async (c, next) => {
    if (!isStateChanging(c.req.method)) return next()
    refuseCrossSite({
      method: c.req.method,
      path: c.req.path,
      origin: c.req.header('origin'),
      fetchSite: c.req.header('sec-fetch-site'),
      url: c.req.url,
    })
    return next()
  })
}
