import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InvitePreviewResponse } from '../../../shared/api.ts'
import { errorCode, join, json, startApi, type ApiHarness } from './harness.ts'

describe('invitations: preview and join', () => {
  let api: ApiHarness
  beforeAll(async () => {
    api = await startApi()
  })
  afterAll(async () => {
    await api.close()
  })

  const preview = (invite: string) => api.app.request('/api/invitations/preview', json({ invite }))

  it('previews a demo invitation: group, role and member organisations', async () => {
    const group = api.group('sodertalje-ostersund')
    const response = await preview(group.invites.participant)
    expect(response.status).toBe(200)
    const body = (await response.json()) as InvitePreviewResponse
    expect(body.group).toEqual({ id: group.id, name: 'Södertälje och Östersund', room: group.room })
    expect(body.role).toBe('participant')
    expect(body.organisations.map((o) => [o.name, o.municipalityCode, o.memberRole])).toEqual([
      ['Södertälje kommun', '0181', 'benchmarking'],
      ['Östersunds kommun', '2380', 'benchmarking'],
      ['Norrtälje kommun', '0188', 'mentor'],
    ])
  })

  it('answers 404 invite_not_found for an unknown token', async () => {
    const response = await preview('x'.repeat(43))
    expect(response.status).toBe(404)
    expect(await errorCode(response)).toBe('invite_not_found')
  })

  it('answers 410 invite_expired for an expired invitation, on preview and on join', async () => {
    const group = api.group('askersund-fagersta')
    const { token } = await api.services.invitations.create({
      groupId: group.id,
      role: 'participant',
      expiresAt: new Date(Date.now() - 1000),
    })
    const previewed = await preview(token)
    expect(previewed.status).toBe(410)
    expect(await errorCode(previewed)).toBe('invite_expired')
    const joined = await api.app.request('/api/join', json({ invite: token, name: 'Sen' }))
    expect(joined.status).toBe(410)
    expect(await errorCode(joined)).toBe('invite_expired')
    expect(joined.headers.get('set-cookie')).toBeNull()
  })

  it('answers 410 invite_used_up once a limited invitation is used up', async () => {
    const group = api.group('askersund-fagersta')
    const { token } = await api.services.invitations.create({
      groupId: group.id,
      role: 'viewer',
      expiresAt: new Date(Date.now() + 60_000),
      maxUses: 1,
    })
    expect((await join(api.app, token, 'Först')).status).toBe(200)
    const second = await api.app.request('/api/join', json({ invite: token, name: 'Sedan' }))
    expect(second.status).toBe(410)
    expect(await errorCode(second)).toBe('invite_used_up')
    const previewed = await preview(token)
    expect(previewed.status).toBe(410)
    expect(await errorCode(previewed)).toBe('invite_used_up')
  })

  it('lets demo invitations be used again and again', async () => {
    const group = api.group('askersund-fagersta')
    for (const name of ['Anna', 'Bo', 'Cecilia', 'David']) {
      expect((await join(api.app, group.invites.participant, name)).status).toBe(200)
    }
  })

  it('refuses invalid JSON and bodies of the wrong shape with 400', async () => {
    const broken = await api.app.request('/api/join', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"invite": ',
    })
    expect(broken.status).toBe(400)
    expect(await errorCode(broken)).toBe('invalid_json')
    const group = api.group('askersund-fagersta')
    const noName = await api.app.request('/api/join', json({ invite: group.invites.viewer }))
    expect(noName.status).toBe(400)
    expect(await errorCode(noName)).toBe('bad_request')
    const foreignOrganisation = await api.app.request(
      '/api/join',
      json({ invite: group.invites.viewer, name: 'Ola', organisationId: 'kommun-malmo' }),
    )
    expect(foreignOrganisation.status).toBe(400)
  })
})
