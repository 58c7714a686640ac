import { describe, expect, it } from 'vitest'
import {
  addMinute,
  formatCountdown,
  msUntilNextTick,
  parseMinutes,
  pauseTimer,
  resumeTimer,
  startTimer,
  timerPhase,
} from '../../../client/src/meeting/timer.ts'
import { timerRemainingMs, timerSchema } from '../../../shared/workspace/control.ts'

const T0 = Date.UTC(2026, 3, 14, 9, 30)
const start = (minutes: number) =>
  startTimer({ minutes, label: 'Diskutera med grannen', agendaItemId: null, sound: false }, T0)

describe('formatCountdown', () => {
  it('reads a fresh timer as its full length and rounds left time up to whole seconds', () => {
    expect(formatCountdown(3 * 60_000)).toBe('03:00')
    expect(formatCountdown(3 * 60_000 - 1)).toBe('03:00')
    expect(formatCountdown(179_000)).toBe('02:59')
    expect(formatCountdown(1)).toBe('00:01')
    expect(formatCountdown(0)).toBe('00:00')
  })

  it('shows over time as negative time with a real minus sign, never nothing', () => {
    expect(formatCountdown(-999)).toBe('00:00')
    expect(formatCountdown(-1000)).toBe('\u221200:01')
    expect(formatCountdown(-80_000)).toBe('\u221201:20')
    expect(formatCountdown(-80_999)).toBe('\u221201:20')
  })

  it('shows hours only when there are any', () => {
    expect(formatCountdown(65 * 60_000)).toBe('1:05:00')
    expect(formatCountdown(-(60 * 60_000 + 5_000))).toBe('\u22121:00:05')
    expect(formatCountdown(59 * 60_000 + 59_000)).toBe('59:59')
  })
})

describe('msUntilNextTick', () => {
  it('waits until the shown second changes, on both sides of zero', () => {
    expect(msUntilNextTick(2500)).toBe(500)
    expect(msUntilNextTick(3000)).toBe(1000)
    expect(msUntilNextTick(-1300)).toBe(700)
    expect(msUntilNextTick(-2000)).toBe(1000)
    // The display changes where the wait ends.
    for (const remaining of [2500, 1, -1, -1300, 59_999]) {
      const next = remaining - msUntilNextTick(remaining)
      expect(formatCountdown(next)).not.toBe(formatCountdown(remaining))
      expect(formatCountdown(next + 1)).toBe(formatCountdown(remaining))
    }
  })
})

describe('the timer on the server clock', () => {
  it('counts from endsAt, so two screens agree whatever their own clocks say', () => {
    const timer = start(3)
    expect(timerSchema.safeParse(timer).success).toBe(true)
    expect(timerRemainingMs(timer, T0 + 60_000)).toBe(120_000)
    expect(timerPhase(timer, T0 + 60_000)).toBe('running')
    expect(timerPhase(timer, T0 + 180_000)).toBe('over')
    expect(formatCountdown(timerRemainingMs(timer, T0 + 260_000))).toBe('\u221201:20')
  })

  it('pauses with what is left and resumes from there', () => {
    const paused = pauseTimer(start(3), T0 + 40_000)
    expect(paused).toMatchObject({ state: 'paused', remainingMs: 140_000 })
    // Paused time does not run.
    expect(timerRemainingMs(paused, T0 + 10 * 60_000)).toBe(140_000)
    const resumed = resumeTimer(paused, T0 + 10 * 60_000)
    expect(resumed.endsAt).toBe(T0 + 10 * 60_000 + 140_000)
    expect(pauseTimer(paused, T0 + 11 * 60_000)).toBe(paused)
    expect(resumeTimer(resumed, T0)).toBe(resumed)
  })

  it('adds a minute to the time left, or a minute from now once over time', () => {
    const timer = start(3)
    expect(timerRemainingMs(addMinute(timer, T0 + 60_000), T0 + 60_000)).toBe(180_000)
    expect(addMinute(timer, T0).durationMs).toBe(4 * 60_000)
    const over = addMinute(timer, T0 + 5 * 60_000)
    expect(timerRemainingMs(over, T0 + 5 * 60_000)).toBe(60_000)
    const pausedOver = { ...timer, state: 'paused' as const, remainingMs: -30_000 }
    expect(addMinute(pausedOver, T0).remainingMs).toBe(60_000)
    for (const t of [over, pausedOver]) expect(timerSchema.safeParse(t).success).toBe(true)
  })

  it('keeps a start within what the control state accepts', () => {
    expect(start(24 * 60 + 5).durationMs).toBe(24 * 60 * 60_000)
    expect(timerSchema.safeParse(start(24 * 60 + 5)).success).toBe(true)
    const long = startTimer(
      { minutes: 1, label: 'x'.repeat(300), agendaItemId: 'a', sound: true },
      T0,
    )
    expect(timerSchema.safeParse(long).success).toBe(true)
  })
})

describe('parseMinutes', () => {
  it('reads whole and half minutes, with a decimal comma too', () => {
    expect(parseMinutes('3')).toBe(3)
    expect(parseMinutes(' 2,5 ')).toBe(2.5)
    expect(parseMinutes('1.4')).toBe(1.5)
  })
  it('refuses nothing, zero, negatives, text and more than a day', () => {
    for (const text of ['', '0', '-3', 'tre', '0.1', String(24 * 60 + 1), 'Infinity'])
      expect(parseMinutes(text), text).toBeNull()
  })
})
