/**
 * Reference server 2: @hocuspocus/server 3.4, in memory (no persistence extension, no
 * hooks). Env: PORT, HOST. Tells the parent it is listening over IPC.
 */
import { Server } from '@hocuspocus/server'

const server = new Server({
  port: Number(process.env.PORT),
  address: process.env.HOST || '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
})
await server.listen()
process.send?.({ type: 'ready' })
