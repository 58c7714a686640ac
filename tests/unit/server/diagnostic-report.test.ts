import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import {
  excludeNetworkFromReports,
  type ReportSettings,
} from '../../../server/diagnostic-report.ts'

/** A socket's end as a report names it: `host` is looked up, unless network data is excluded. */
interface Endpoint {
  host?: string
  ip4?: string
  port?: number
}

interface ReportedHandle {
  type: string
  localEndpoint?: Endpoint | null
  remoteEndpoint?: Endpoint | null
}

/** The report's entries for the TCP connection to `port` (the client's end). */
function reportedClientEnds(port: number): ReportedHandle[] {
  const report = process.report.getReport() as unknown as { libuv: ReportedHandle[] }
  return report.libuv.filter(
    (handle) => handle.type === 'tcp' && handle.remoteEndpoint?.port === port,
  )
}

describe('diagnostic reports', () => {
  let server: Server | null = null
  let socket: Socket | null = null
  const settings = process.report as ReportSettings
  const excluded = settings.excludeNetwork

  afterEach(async () => {
    settings.excludeNetwork = excluded
    socket?.destroy()
    await new Promise((resolve) => server?.close(resolve))
  })

  /** A TCP connection within this process; the listening port. */
  async function openConnection(): Promise<number> {
    const listening = (server = createServer())
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve))
    const { port } = listening.address() as AddressInfo
    const client = (socket = connect(port, '127.0.0.1'))
    await new Promise((resolve) => client.once('connect', resolve))
    return port
  }

  it('names no socket end by a DNS lookup once network information is excluded', async () => {
    const port = await openConnection()
    settings.excludeNetwork = false
    // Looked up (127.0.0.1 is "localhost" in /etc/hosts): the connection is reported.
    const [looked] = reportedClientEnds(port)
    expect(looked?.remoteEndpoint?.ip4).toBe('127.0.0.1')

    excludeNetworkFromReports()
    const [plain] = reportedClientEnds(port)
    // Not looked up: the host is the address itself, at both ends.
    expect(plain?.remoteEndpoint?.host).toBe('127.0.0.1')
    expect(plain?.localEndpoint?.host).toBe('127.0.0.1')
  })
})
