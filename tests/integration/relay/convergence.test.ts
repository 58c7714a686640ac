import { describe, expect, it } from 'vitest'
import { sleep, waitFor } from '../../helpers/clients.ts'
import { useRelayServer } from '../../helpers/relay-server.ts'

describe('relay: two participants', () => {
  const relay = useRelayServer('askersund')
  const connect = relay.connect

  it('converges on concurrent edits and relays awareness', async () => {
    const anna = await connect('facilitator', 'Anna')
    const bo = await connect('participant', 'Bo')
    anna.doc.getText('notes').insert(0, 'Anna skriver. ')
    bo.doc.getText('notes').insert(0, 'Bo skriver. ')
    anna.doc.getArray('agenda').push(['Välkommen'])
    bo.doc.getArray('agenda').push(['Paus'])
    await waitFor(
      () =>
        anna.doc.getText('notes').length === bo.doc.getText('notes').length &&
        bo.doc.getArray('agenda').length === 2 &&
        anna.doc.getArray('agenda').length === 2,
      5000,
      'convergence',
    )
    expect(anna.doc.getText('notes').toString()).toBe(bo.doc.getText('notes').toString())
    expect(anna.doc.getText('notes').toString()).toContain('Anna skriver.')
    expect(anna.doc.getText('notes').toString()).toContain('Bo skriver.')

    anna.provider.awareness.setLocalStateField('user', { name: 'Anna' })
    await waitFor(
      () =>
        [...bo.provider.awareness.getStates().values()].some(
          (s) => (s as { user?: { name?: string } }).user?.name === 'Anna',
        ),
      5000,
      'awareness',
    )
    anna.destroy()
    await waitFor(() => bo.provider.awareness.getStates().size === 1, 5000, 'awareness removal')
  })

  it('serves a late joiner everything that was relayed', async () => {
    const anna = await connect('participant', 'Anna')
    for (let i = 0; i < 50; i++) anna.doc.getText('notes').insert(0, `${i};`)
    await sleep(100)
    const late = await connect('viewer', 'Sen')
    await waitFor(
      () => late.doc.getText('notes').length === anna.doc.getText('notes').length,
      5000,
      'late sync',
    )
    expect(late.doc.getText('notes').toString()).toBe(anna.doc.getText('notes').toString())
  })
})
