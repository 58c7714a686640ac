import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ZodType } from 'zod'
import type { ApiError, ApiErrorCode } from '../../shared/api.ts'
import type { Logger } from '../log.ts'

/** The one way a route fails: throw this; `handleError` turns it into `{ error: … }` JSON. */
export const apiError = (
  status: ContentfulStatusCode,
  code: ApiErrorCode,
  message: string,
  issues?: unknown,
  headers?: Record<string, string>,
): HTTPException => {
  const body: ApiError = { error: { code, message, ...(issues ? { issues } : {}) } }
  return new HTTPException(status, { res: Response.json(body, { status, headers }), message })
}

/** Reads and validates a JSON body at the edge: invalid JSON and schema misses are 400s. */
export async function readJson<T>(c: Context, schema: ZodType<T>): Promise<T> {
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    throw apiError(400, 'invalid_json', 'The request body is not valid JSON.')
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    // The first problem in words (a refused name says why), all of them in `issues`.
    const [first] = parsed.error.issues
    const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : ''
    throw apiError(
      400,
      'bad_request',
      first ? `${where}${first.message}` : 'The request does not match the expected shape.',
      parsed.error.issues,
    )
  }
  return parsed.data
}

/**
 * Reads a route's path parameters by a schema: a malformed id is a 400 naming it, so a
 * caller can tell a typo from an id that does not exist (404, from the route).
 */
export function readParams<T>(c: Context, schema: ZodType<T>): T {
  const parsed = schema.safeParse(c.req.param())
  if (parsed.success) return parsed.data
  const [first] = parsed.error.issues
  throw apiError(
    400,
    'bad_request',
    first ? `${first.path.join('.')}: ${first.message}` : 'The path is not valid.',
    parsed.error.issues,
  )
}

export const makeErrorHandler =
  (logger: Logger) =>
  (error: Error, c: Context): Response => {
    if (error instanceof HTTPException) return error.getResponse()
    logger.error('unhandled error', { method: c.req.method, path: c.req.path, error })
    return internalError()
  }

/** The answer to an error no route expected (the app's and the relay's upgrade's). */
export const internalError = (): Response => {
  const body: ApiError = {
    error: { code: 'internal', message: 'Something went wrong on the server.' },
  }
  return Response.json(body, { status: 500 })
}

export const notFound = (c: Context): Response => {
  const body: ApiError = {
    error: { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}.` },
  }
  return c.json(body, 404)
}
