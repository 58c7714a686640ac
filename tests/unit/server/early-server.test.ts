import type { IncomingMessage } from 'node:http'
import { connect, type Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { ConnectionLimits } from '../../../server/http/connection-limits.ts'
import { listenEarly, type EarlyServer } from '../../../server/http/early-server.ts'
import { createLogger } from '../../../server/log.ts'
import { sleep } from '../../helpers/clients.ts'
import { countTurns } from '../../helpers/turns.ts'

const started: EarlyServer[] = []
afterEach(async () => {
  for (const { server } of started.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

async function listen(connections: ConnectionLimits = ConnectionLimits): Promise<EarlyServer> {
  const early = await listenEarly(
    { port: 0, host: '127.0.0.1', connections, maxMessageBytes: 1024 },
    createLogger('silent'),
  )
  started.push(early)
  return early
}

describe('listenEarly', () => {
  it('holds a request that arrives before the app and hands it to the app when it opens', async () => {
    const early = await listen()
    let settled = false
    const answer = fetch(`http://127.0.0.1:${early.port}/healthz`).then(async (response) => {
      settled = true
      return { status: response.status, body: await response.text() }
    })
    await sleep(100)
    expect(settled).toBe(false) // held: neither refused nor answered

    early.adopt((_request, response) => response.end('from the app'))
    early.open()
    expect(await answer).toEqual({ status: 200, body: 'from the app' })
  })

  it('holds a WebSocket upgrade until the app listens for upgrades, then it goes through', async () => {
    const early = await listen()
    const client = new WebSocket(`ws://127.0.0.1:${early.port}/ws/room`)
    const opened = new Promise<void>((resolve, reject) => {
      client.once('open', () => resolve())
      client.once('error', reject)
    })
    await sleep(100)
    expect(client.readyState).toBe(WebSocket.CONNECTING)

    early.adopt(() => undefined)
    early.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) =>
      early.wss.handleUpgrade(request, socket, head, (ws) => ws.send('welcome')),
    )
    early.open()
    const first = new Promise<string>((resolve) =>
      client.once('message', (data: Buffer) => resolve(data.toString())),
    )
    await opened
    expect(await first).toBe('welcome')
    client.terminate()
  })

  it('answers at once once open', async () => {
    const early = await listen()
    early.adopt((_request, response) => response.end('now'))
    early.open()
    const response = await fetch(`http://127.0.0.1:${early.port}/`)
    expect(await response.text()).toBe('now')
  })

  it('hands a handshake that arrives once open to the app through its pace', async () => {
    const early = await listen()
    const paced: (() => void)[] = []
    const upgrades: string[] = []
    early.adopt(() => undefined)
    early.server.on('upgrade', (request: IncomingMessage, socket: Duplex) => {
      upgrades.push(request.url ?? '')
      socket.destroy()
    })
    early.open((task) => paced.push(task))
    const socket = connect(early.port, '127.0.0.1')
      .on('error', () => undefined)
      .end('GET /ws/paced HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n')
    try {
      while (paced.length === 0) await sleep(5)
      expect(upgrades).toEqual([]) // read, and waiting for its turn
      for (const task of paced.splice(0)) task()
      expect(upgrades).toEqual(['/ws/paced'])
    } finally {
      socket.destroy()
    }
  })

  it('takes in at once a burst of connections that arrived while its loop was busy', async () => {
    // Every connection counts here, not only one address's first 64.
    const early = await listen({ ...ConnectionLimits, maxPendingPerAddress: 0 })
    let accepted = 0
    early.server.on('connection', () => (accepted += 1))
    const burst = 1000 // about twice Node's default listen backlog (511)
    const dialled = performance.now()
    const sockets: Socket[] = Array.from({ length: burst }, () =>
      connect(early.port, '127.0.0.1').on('error', () => undefined),
    )
    // net.connect dials on the next tick; this tick runs after them and keeps the loop busy
    // (as a restart's loading does) while the kernel completes the handshakes into the queue.
    await new Promise<void>((resolve) =>
      process.nextTick(() => {
        const until = Date.now() + 200
        while (Date.now() < until);
        resolve()
      }),
    )
    try {
      // A connection the queue had no room for is dropped, and its kernel retries its SYN a
      // second after the first: until then only what the queue held can be taken in.
      while (accepted < burst && performance.now() - dialled < 900) await sleep(20)
      expect(accepted).toBe(burst)
    } finally {
      for (const socket of sockets) socket.destroy()
    }
  })

  it('hands held handshakes to the app oldest first, a few milliseconds of them a turn', async () => {
    const early = await listen({ ...ConnectionLimits, maxPendingPerAddress: 0 })
    const sockets: Socket[] = []
    const handshake = (seq: number) =>
      sockets.push(
        connect(early.port, '127.0.0.1')
          .on('error', () => undefined)
          .end(
            `GET /ws HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nx-seq: ${seq}\r\n\r\n`,
          ),
      )
    for (let seq = 0; seq < 20; seq++) {
      handshake(seq)
      await sleep(15) // each held before the next is sent: their order is known
    }
    const seen: { seq: number; turn: number }[] = []
    early.adopt(() => undefined)
    early.server.on('upgrade', (request: IncomingMessage, socket: Duplex) => {
      const until = performance.now() + 1 // an app that takes 1 ms per handshake
      while (performance.now() < until);
      seen.push({ seq: Number(request.headers['x-seq']), turn: turns.now() })
      socket.destroy()
    })
    const turns = countTurns()
    early.open()
    handshake(20) // arrives while the 20 held ones are being handed over: behind them
    try {
      while (seen.length < 21) await sleep(10)
    } finally {
      turns.stop()
      for (const socket of sockets) socket.destroy()
    }
    expect(seen.map(({ seq }) => seq)).toEqual(Array.from({ length: 21 }, (_, seq) => seq))
    // 20 ms of the app's work went over in slices of ~4 ms, the loop going round between.
    expect(new Set(seen.map(({ turn }) => turn)).size).toBeGreaterThanOrEqual(4)
  })
})
