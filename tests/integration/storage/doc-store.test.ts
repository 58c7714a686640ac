import { openDatabase } from '../../../db/client.ts'
import { createLibsqlDocStore } from '../../../server/storage/libsql-doc-store.ts'
import { createMemoryDocStore } from '../../../server/storage/memory-doc-store.ts'
import { makeTempDatabase } from '../../helpers/database.ts'
import { runDocStoreContract } from './doc-store.contract.ts'

runDocStoreContract('libSQL file database (WAL), prepared update log', async () => {
  const temp = makeTempDatabase()
  const handle = await openDatabase({ url: temp.url })
  if (!handle.updateLog) throw new Error('a file database has the prepared update log')
  return {
    store: createLibsqlDocStore(handle.client, handle.updateLog),
    close: () => (handle.close(), temp.remove()),
  }
})

runDocStoreContract('libSQL file database (WAL), through the client only', async () => {
  const temp = makeTempDatabase()
  const handle = await openDatabase({ url: temp.url })
  return {
    store: createLibsqlDocStore(handle.client),
    close: () => (handle.close(), temp.remove()),
  }
})

runDocStoreContract('libSQL in-memory database', async () => {
  const handle = await openDatabase({ url: ':memory:' })
  return { store: createLibsqlDocStore(handle.client), close: () => handle.close() }
})

runDocStoreContract('in process memory (the bench’s reference)', async () => ({
  store: createMemoryDocStore(),
  close: () => {},
}))
