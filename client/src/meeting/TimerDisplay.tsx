import { createEffect, on, Show } from 'solid-js'
import type { MeetingTimer } from '../../../shared/workspace/control.ts'
import { useI18n } from '../i18n/context.tsx'
import { createChime } from './chime.ts'
import { createCountdown } from './countdown.ts'
import { formatCountdown } from './timer.ts'
import '../styles/meeting.css'

/**
 * The meeting's shared countdown, as every screen shows it: mm:ss left on the SERVER's
 * clock, negative over time ("−01:20"). At zero the box turns a calm, steady colour and
 * says "Tiden är ute": nothing flashes (WCAG 2.3.1). With `playSound` (the projector, the
 * facilitator's own screen) and the facilitator's sound on, one soft tone plays when a
 * running timer reaches zero while this screen watches it.
 */
export function TimerDisplay(props: {
  timer: MeetingTimer | null
  now: () => number
  playSound?: boolean
  large?: boolean
}) {
  const { t } = useI18n()
  const remaining = createCountdown(
    () => props.timer,
    () => props.now(),
  )
  const over = () => {
    const left = remaining()
    return left !== null && left <= 0
  }
  const chime = createChime(() => Boolean(props.playSound && props.timer?.sound))
  createEffect(
    on(over, (isOver, wasOver) => {
      if (isOver && wasOver === false && props.timer?.state === 'running' && props.timer.sound)
        if (props.playSound) chime.play()
    }),
  )
  return (
    <Show when={props.timer}>
      {(timer) => (
        <div
          data-unpainted
          class="timer"
          classList={{
            'timer-over': over(),
            'timer-paused': timer().state === 'paused',
            'timer-large': props.large,
          }}
          data-testid="timer"
          data-state={over() ? 'over' : timer().state}
        >
          <p class="timer-label">{timer().label ?? t('timer.title')}</p>
          <p class="timer-clock" role="timer" aria-atomic="true" data-testid="timer-clock">
            {formatCountdown(remaining() ?? 0)}
          </p>
          <p class="timer-status" role="status">
            {over() ? t('timer.up') : timer().state === 'paused' ? t('timer.paused') : ''}
          </p>
          <Show when={props.playSound && timer().sound && !chime.ready()}>
            <button type="button" class="button timer-sound" onClick={() => chime.unlock()}>
              {t('timer.enableSound')}
            </button>
          </Show>
        </div>
      )}
    </Show>
  )
}
