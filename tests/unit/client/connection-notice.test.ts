import { describe, expect, it } from 'vitest'
import { translate } from '../../../shared/i18n/index.ts'
import { connectionNotice, QUIET_RECONNECT_MS } from '../../../client/src/sync/connection-notice.ts'

const T0 = Date.parse('2026-03-02T09:00:00Z')
const text = (...args: Parameters<typeof connectionNotice>) => {
  const notice = connectionNotice(...args)
  return translate('sv', notice.key, notice.values)
}

describe('connectionNotice', () => {
  it('says "Ansluter …" only for a short reconnect', () => {
    expect(text('connecting', T0, T0 + 2_000)).toBe('Ansluter …')
    expect(text('connecting', null, T0)).toBe('Ansluter …')
  })

  it('a server that stays down: disconnected, for how long, and the edits are kept here', () => {
    expect(text('connecting', T0, T0 + QUIET_RECONNECT_MS)).toBe(
      'Frånkopplad i mindre än en minut – dina ändringar sparas på den här enheten och skickas när anslutningen är tillbaka',
    )
    expect(text('connecting', T0, T0 + 61_000)).toMatch(/^Frånkopplad i 1 minut – dina ändringar/)
    expect(text('connecting', T0, T0 + 150_000)).toMatch(/^Frånkopplad i 2 minuter – /)
    expect(text('connecting', T0, T0 + 3 * 3_600_000)).toMatch(/^Frånkopplad i 180 minuter/)
  })

  it('offline in the browser: says so at once', () => {
    expect(text('offline', T0, T0)).toMatch(/^Frånkopplad i mindre än en minut – /)
    expect(connectionNotice('offline', T0, T0 + 120_000)).toEqual({
      key: 'conn.disconnected',
      values: { n: 2 },
    })
  })

  it('connected and ended read as before; a clock that went back is not negative', () => {
    expect(text('connected', null, T0)).toBe('Ansluten')
    expect(connectionNotice('ended', T0, T0 + 600_000).key).toBe('conn.ended')
    expect(text('offline', T0 + 60_000, T0)).toMatch(/mindre än en minut/)
  })

  it('in English', () => {
    const notice = connectionNotice('connecting', T0, T0 + 120_000)
    expect(translate('en', notice.key, notice.values)).toBe(
      'Offline for 2 minutes – your changes are kept on this device and will be sent when the connection is back',
    )
  })
})
