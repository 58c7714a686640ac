import { describe, expect, it } from 'vitest'
import { orderWith, shownBefore } from '../../../client/src/meetings/meeting-order.ts'
import type { MeetingSummary } from '../../../shared/api.ts'

const meeting = (id: string, archived = false): MeetingSummary => ({
  id,
  kind: 'extra',
  title: id,
  sequence: 0,
  date: null,
  startTime: null,
  durationMinutes: 360,
  hostOrganisationId: null,
  place: null,
  videoLink: null,
  archivedAt: archived ? '2026-01-01T00:00:00.000Z' : null,
})

describe('meeting order on the group home', () => {
  const ids = ['uppstart', 'bm1', 'gammal', 'bm2', 'bm3']

  it('puts a meeting first, after another, or last, keeping the others in order', () => {
    expect(orderWith(ids, 'bm3', null)).toEqual(['bm3', 'uppstart', 'bm1', 'gammal', 'bm2'])
    expect(orderWith(ids, 'uppstart', 'bm2')).toEqual(['bm1', 'gammal', 'bm2', 'uppstart', 'bm3'])
    expect(orderWith(ids, 'bm1', 'bm3')).toEqual(['uppstart', 'gammal', 'bm2', 'bm3', 'bm1'])
    expect(orderWith(ids, 'bm2', 'bm1')).toEqual(['uppstart', 'bm1', 'bm2', 'gammal', 'bm3'])
  })

  it('starts the place from the shown meeting before, skipping archived ones', () => {
    const meetings = [meeting('uppstart'), meeting('bm1'), meeting('gammal', true), meeting('bm2')]
    expect(shownBefore(meetings, 'bm2')).toBe('bm1')
    expect(shownBefore(meetings, 'uppstart')).toBeNull()
    expect(shownBefore(meetings, 'bm1')).toBe('uppstart')
  })
})
