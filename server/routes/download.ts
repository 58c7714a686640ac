import type { Context } from 'hono'
import { isLocale, type Locale } from '../../shared/domain/locale.ts'

export const mimeTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
} as const

/** `?lang=sv|en`, Swedish unless English is asked for. */
export const exportLocale = (c: Context): Locale => {
  const lang = c.req.query('lang')
  return isLocale(lang) ? lang : 'sv'
}

/**
 * A file to download. The name keeps å, ä and ö for browsers (RFC 6266 `filename*`) and
 * has an ASCII fallback for tools that read only `filename`.
 */
export function download(
  c: Context,
  bytes: Uint8Array | string,
  filename: string,
  type: keyof typeof mimeTypes,
): Response {
  const safe = filename.replace(/[\\/:*?"<>|\r\n]+/g, ' ').trim()
  const ascii = safe
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
  c.header('content-type', mimeTypes[type])
  c.header(
    'content-disposition',
    `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(safe)}`,
  )
  c.header('cache-control', 'no-store')
  return c.body(typeof bytes === 'string' ? bytes : (bytes as Uint8Array<ArrayBuffer>))
}
