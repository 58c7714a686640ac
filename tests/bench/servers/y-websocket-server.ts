/**
 * Reference server 1: @y/websocket-server 0.1.1 as its own `src/server.js` runs it (an
 * http server, a noServer WebSocketServer, `setupWSConnection` per socket), on the
 * project's `ws` so both relays use the same socket library. Persists nothing, unless
 * YPERSISTENCE names a folder: then y-leveldb stores each update (its own option).
 * Env: PORT, HOST, YPERSISTENCE. The probe tells the parent when it listens.
 */
import http from 'node:http'
import { setupWSConnection } from '@y/websocket-server/utils'
import { WebSocketServer } from 'ws'

const port = Number(process.env.PORT)
const host = process.env.HOST || '127.0.0.1'

const wss = new WebSocketServer({ noServer: true })
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' })
  response.end('okay')
})
wss.on('connection', setupWSConnection)
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request))
})
server.listen(port, host)
