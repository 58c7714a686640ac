import { describe, expect, it } from 'vitest'
import { ConfigError, readConfig } from '../../../server/config.ts'

const key = 'ab'.repeat(32)

describe('reading the server configuration', () => {
  it('runs one node without Redis, with scale-out off', () => {
    expect(readConfig({}).scaleOut).toBeUndefined()
  })

  it('takes REDIS_URL with the deployment’s PEER_KEY (64 hex characters)', () => {
    const { scaleOut } = readConfig({ REDIS_URL: 'redis://10.0.0.5:6379', PEER_KEY: key })
    expect(scaleOut?.redisUrl).toBe('redis://10.0.0.5:6379')
    expect(scaleOut?.peerKey.toString('hex')).toBe(key)
  })

  it('refuses REDIS_URL without a usable PEER_KEY, saying how to make one', () => {
    for (const PEER_KEY of [undefined, '', 'ab'.repeat(16), 'zz'.repeat(32), `${key}00`]) {
      expect(() => readConfig({ REDIS_URL: 'redis://r:6379', PEER_KEY })).toThrow(ConfigError)
    }
    expect(() => readConfig({ REDIS_URL: 'redis://r:6379' })).toThrow(/PEER_KEY.*openssl rand/)
  })

  it('queues 4,096 connections for a busy server unless LISTEN_BACKLOG says otherwise', () => {
    expect(readConfig({}).connections.listenBacklog).toBe(4096)
    expect(readConfig({ LISTEN_BACKLOG: '1024' }).connections.listenBacklog).toBe(1024)
  })

  it('paces commits under load: 10 ms, 20 ms while a room is hot, unless told otherwise', () => {
    expect(readConfig({}).commitPacing).toEqual({
      windowMs: 10,
      busyPerSecond: 600,
      hotWindowMs: 20,
    })
    expect(readConfig({ COMMIT_HOT_WINDOW_MS: '0' }).commitPacing.hotWindowMs).toBe(0)
  })

  it('refuses a number that is not a whole number', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(ConfigError)
  })
})
