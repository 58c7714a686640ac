import { describe, expect, it } from 'vitest'
import { sleep, waitFor } from '../../helpers/clients.ts'
import { useRelayServer } from '../../helpers/relay-server.ts'
import { appendLine, linesOf, testText } from '../../helpers/workspace.ts'

describe('relay: two participants', () => {
  const relay = useRelayServer('askersund')
  const connect = relay.connect

  it('converges on concurrent edits and relays awareness', async () => {
    const anna = await connect('facilitator', 'Anna')
    const bo = await connect('participant', 'Bo')
    testText(anna.doc).insert(0, 'Anna skriver. ')
    testText(bo.doc).insert(0, 'Bo skriver. ')
    appendLine(anna.doc, 'Välkommen')
    appendLine(bo.doc, 'Paus')
    await waitFor(
      () =>
        testText(anna.doc).length === testText(bo.doc).length &&
        linesOf(bo.doc).length === 2 &&
        linesOf(anna.doc).length === 2,
      5000,
      'convergence',
    )
    expect(testText(anna.doc).toString()).toBe(testText(bo.doc).toString())
    expect(testText(anna.doc).toString()).toContain('Anna skriver.')
    expect(testText(anna.doc).toString()).toContain('Bo skriver.')

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
    for (let i = 0; i < 50; i++) testText(anna.doc).insert(0, `${i};`)
    await sleep(100)
    const late = await connect('viewer', 'Sen')
    await waitFor(() => testText(late.doc).length === testText(anna.doc).length, 5000, 'late sync')
    expect(testText(late.doc).toString()).toBe(testText(anna.doc).toString())
  })
})
