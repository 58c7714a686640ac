import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import { isIPv6 } from 'node:net'

/**
 * Who is asking, for per-address limits and logs: the socket's peer address, never a
 * header a client can write (X-Forwarded-For). IPv4-mapped IPv6 is the IPv4 address; other
 * IPv6 addresses count by their /64, since one host is given a whole /64 to pick from.
 * `app.request` in tests has no socket: those requests share the address "local".
 */
export function clientAddress(c: Context): string {
  let address: string | undefined
  try {
    address = getConnInfo(c).remote.address
  } catch {
    address = undefined
  }
  if (!address) return 'local'
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1]
  if (mapped) return mapped
  return isIPv6(address) ? `${ipv6Prefix64(address)}::/64` : address
}

/** The first four groups of an IPv6 address, written out (`2001:db8::1` → `2001:db8:0:0`). */
export function ipv6Prefix64(address: string): string {
  const [head = '', tail] = address.split('%')[0]!.split('::')
  const left = head === '' ? [] : head.split(':')
  const right = tail === undefined || tail === '' ? [] : tail.split(':')
  const missing = tail === undefined ? 0 : 8 - left.length - right.length
  const groups = [...left, ...Array<string>(missing).fill('0'), ...right]
  return groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')
}
