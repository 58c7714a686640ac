/**
 * Reference server 2: @hocuspocus/server 3.4, in memory (no persistence extension, no
 * hooks). Env: PORT, HOST. The probe tells the parent when it listens.
 */
import { Server } from '@hocuspocus/server'

const server = new Server({
  port: Number(process.env.PORT),
  address: process.env.HOST || '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
})
await server.listen()
