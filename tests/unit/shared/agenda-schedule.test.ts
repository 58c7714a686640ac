import { describe, expect, it } from 'vitest'
import {
  agendaSchedule,
  formatClock,
  parseClock,
  runningAgendaItem,
} from '../../../shared/domain/agenda-schedule.ts'

describe('the agenda schedule', () => {
  it('gives each item its start time and the agenda its end, from the meeting’s start', () => {
    // domain.md's typical benchmarking meeting, from 09:30.
    const minutes = [15, 30, 60, 45, 15, 30, 30, 15]
    expect(agendaSchedule('09:30', minutes)).toEqual({
      starts: ['09:30', '09:45', '10:15', '11:15', '12:00', '12:15', '12:45', '13:15'],
      end: '13:30',
    })
  })

  it('has nothing to say without a usable start time', () => {
    for (const start of ['', '9:30', '24:00', '09:60', 'nio']) {
      expect(agendaSchedule(start, [15]), start).toBeNull()
    }
  })

  it('counts an item without positive minutes as taking no time', () => {
    expect(agendaSchedule('10:00', [0, -5, Number.NaN, 20])).toEqual({
      starts: ['10:00', '10:00', '10:00', '10:00'],
      end: '10:20',
    })
    expect(agendaSchedule('10:00', [])).toEqual({ starts: [], end: '10:00' })
  })

  it('goes on past midnight at 00:00', () => {
    expect(agendaSchedule('23:30', [20, 20])).toEqual({ starts: ['23:30', '23:50'], end: '00:10' })
  })

  it('reads and writes clock times', () => {
    expect(parseClock('00:00')).toBe(0)
    expect(parseClock('23:59')).toBe(23 * 60 + 59)
    expect(formatClock(9 * 60 + 5)).toBe('09:05')
    expect(formatClock(-10)).toBe('23:50')
  })

  it('knows which item is running at a time of day', () => {
    const at = (time: string) => runningAgendaItem('09:30', [15, 30, 0, 60], parseClock(time)!)
    expect(at('09:29')).toBeNull()
    expect(at('09:30')).toBe(0)
    expect(at('09:44')).toBe(0)
    expect(at('09:45')).toBe(1) // a new item starts on the minute the last one ends
    expect(at('10:15')).toBe(3) // the item of no minutes never runs
    expect(at('11:14')).toBe(3)
    expect(at('11:15')).toBeNull()
    expect(runningAgendaItem('', [15], 600)).toBeNull()
  })
})
