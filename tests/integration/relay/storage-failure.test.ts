import { describe, expect, it } from 'vitest'
import { loadDoc } from '../../../server/domain/doc-writer.ts'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'
import { waitFor } from '../../helpers/clients.ts'
import { useRelayServer } from '../../helpers/relay-server.ts'
import { testText } from '../../helpers/workspace.ts'

describe('relay: the update log cannot be written', () => {
  const relay = useRelayServer('hedemora')

  it('closes the room (1011), relays nothing unstored, and keeps the edit once storage is back', async () => {
    const anna = await relay.connect('participant', 'Anna')
    const bo = await relay.connect('participant', 'Bo')
    const closes: number[] = []
    anna.provider.on('connection-close', (event) => event && closes.push(event.code))
    const { client } = relay.server.services
    // A real failure of the real database: every append is refused until the trigger goes.
    await client.execute(
      "CREATE TRIGGER refuse_updates BEFORE INSERT ON doc_updates BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    )
    testText(anna.doc).insert(0, 'skrivet när disken var full')
    await waitFor(() => closes.includes(CloseCode.InternalError), 5000, 'close 1011')
    expect(testText(bo.doc).toString()).toBe('')

    await client.execute('DROP TRIGGER refuse_updates')
    // The clients reconnect on their own; the edit comes back from Anna's copy.
    await waitFor(
      () => testText(bo.doc).toString() === 'skrivet när disken var full',
      10_000,
      'the edit after recovery',
    )
    const doc = await loadDoc(relay.server.services.store, relay.group.room)
    expect(testText(doc).toString()).toBe('skrivet när disken var full')
  })
})
