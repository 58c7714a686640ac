import { describe, expect, it } from 'vitest'
import { roomOfPath, startGroupLoad } from '../../../client/src/app/group-load.ts'

describe("the entry's early group requests", () => {
  it("reads the room of a group's URL as the router's :room does", () => {
    expect(roomOfPath('/g/askersund-fagersta/m/abc')).toBe('askersund-fagersta')
    expect(roomOfPath('/g/askersund-fagersta')).toBe('askersund-fagersta')
    expect(roomOfPath('/g/')).toBeNull()
    expect(roomOfPath('/omgang/g/x')).toBeNull()
    expect(roomOfPath('/')).toBeNull()
  })

  it('hands its requests to a page of their room, once', () => {
    const handoff = startGroupLoad('/g/askersund-fagersta/m/abc')
    expect(handoff.take('askersund-fagersta')?.room).toBe('askersund-fagersta')
    expect(handoff.take('askersund-fagersta')).toBeUndefined()
  })

  it('is spent by a page of another room (the next page asks anew)', () => {
    const handoff = startGroupLoad('/g/a')
    expect(handoff.take('b')).toBeUndefined()
    expect(handoff.take('a')).toBeUndefined()
  })

  it('asks for nothing off a group', () => {
    expect(startGroupLoad('/join').take('join')).toBeUndefined()
  })
})
