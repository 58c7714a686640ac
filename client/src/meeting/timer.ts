import { timerRemainingMs, type MeetingTimer } from '../../../shared/workspace/control.ts'

/**
 * The shared countdown's pure parts: what a screen shows and how the facilitator's buttons
 * change the timer. Every time here is the SERVER's clock (client/src/sync/server-clock.ts),
 * so screens whose own clocks differ by minutes agree.
 */

const MINUTE_MS = 60_000
/** The longest timer the control state accepts (timerSchema's durationMs). */
const MAX_TIMER_MS = 24 * 60 * MINUTE_MS
export const timerPresetsMinutes = [1, 3, 5, 10] as const

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * Remaining time as a countdown shows it: whole seconds rounded up while time is left (a
 * fresh 3-minute timer reads 03:00, and 00:00 only when it has run out), then over time
 * as negative "−01:20" (U+2212, a real minus). Hours only when there are any: 1:05:00.
 */
export function formatCountdown(remainingMs: number): string {
  const over = remainingMs <= 0
  const seconds = over ? Math.floor(-remainingMs / 1000) : Math.ceil(remainingMs / 1000)
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  const clock = h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`
  return over && seconds > 0 ? `\u2212${clock}` : clock
}

/** How long until the display next changes: the next whole-second boundary of `remaining`. */
export function msUntilNextTick(remainingMs: number): number {
  const intoSecond = ((remainingMs % 1000) + 1000) % 1000
  return intoSecond === 0 ? 1000 : intoSecond
}

export type TimerPhase = 'running' | 'paused' | 'over'

export const timerPhase = (timer: MeetingTimer, serverNow: number): TimerPhase =>
  timerRemainingMs(timer, serverNow) <= 0 ? 'over' : timer.state

export interface TimerStart {
  minutes: number
  label: string | null
  agendaItemId: string | null
  sound: boolean
}

const clampDuration = (ms: number) => Math.min(MAX_TIMER_MS, Math.max(0, Math.round(ms)))

export function startTimer(start: TimerStart, serverNow: number): MeetingTimer {
  const durationMs = clampDuration(start.minutes * MINUTE_MS)
  return {
    state: 'running',
    endsAt: serverNow + durationMs,
    remainingMs: durationMs,
    durationMs,
    label: start.label ? start.label.slice(0, 200) : null,
    agendaItemId: start.agendaItemId,
    sound: start.sound,
  }
}

export function pauseTimer(timer: MeetingTimer, serverNow: number): MeetingTimer {
  if (timer.state === 'paused') return timer
  return { ...timer, state: 'paused', remainingMs: timer.endsAt - serverNow }
}

export function resumeTimer(timer: MeetingTimer, serverNow: number): MeetingTimer {
  if (timer.state === 'running') return timer
  return { ...timer, state: 'running', endsAt: serverNow + timer.remainingMs }
}

/** One more minute, from where the timer stands (over time: a minute from its end). */
export function addMinute(timer: MeetingTimer, serverNow: number): MeetingTimer {
  const durationMs = clampDuration(timer.durationMs + MINUTE_MS)
  if (timer.state === 'paused')
    return { ...timer, durationMs, remainingMs: Math.max(timer.remainingMs, 0) + MINUTE_MS }
  // Over time, a minute more means a minute from now: "we take one more minute".
  const endsAt = Math.max(timer.endsAt, serverNow) + MINUTE_MS
  return { ...timer, durationMs, endsAt, remainingMs: endsAt - serverNow }
}

export const withSound = (timer: MeetingTimer, sound: boolean): MeetingTimer => ({
  ...timer,
  sound,
})

/** A custom number of minutes from a form field ("2,5" too): whole or half minutes, up to 24 h. */
export function parseMinutes(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'))
  if (!Number.isFinite(value) || value <= 0 || value * MINUTE_MS > MAX_TIMER_MS) return null
  return Math.round(value * 2) / 2 || null
}
