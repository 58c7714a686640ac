/**
 * The join link as a QR code image: an SVG (crisp at any size on a projector) in a data:
 * URL, which the CSP allows for images. `qrcode` is imported here only, and this module
 * only by the projector view, so the board's bundle does not carry the encoder.
 */
export async function qrCodeImage(url: string): Promise<string> {
  const { toString } = await import('qrcode')
  const svg = await toString(url, {
    type: 'svg',
    // M: still reads with a little glare or a bad angle; a longer code than L, but our
    // links are short enough to stay a coarse grid across a room.
    errorCorrectionLevel: 'M',
    margin: 2,
    color: { dark: '#000000', light: '#ffffff' },
  })
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}

/** The link as people can type it: no scheme, the rest whole. */
export function shortLink(url: string): string {
  return url.replace(/^https?:\/\//, '')
}
