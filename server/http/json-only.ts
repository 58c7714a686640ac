import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { apiError } from './errors.ts'
import { isStateChanging } from './origin-guard.ts'

const carriesBody = (c: Context): boolean => {
  const length = c.req.header('content-length')
  return (
    (length !== undefined && length.trim() !== '0') ||
    c.req.header('transfer-encoding') !== undefined ||
    c.req.header('content-type') !== undefined
  )
}

const isJson = (contentType: string | undefined): boolean =>
  contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json'

/**
 * A state-changing API request with a body (or a declared type) must say it is JSON (415
 * otherwise). A page on another site can send `text/plain`, form and multipart bodies
 * without a CORS preflight, and our JSON parser read them all the same; `application/json`
 * from another origin needs a preflight, which this server never grants.
 */
export const requireJsonBodies = createMiddleware(async (c, next) => {
  if (isStateChanging(c.req.method) && carriesBody(c) && !isJson(c.req.header('content-type'))) {
    throw apiError(415, 'unsupported_media_type', 'Send the request body as application/json.')
  }
  return next()
})
