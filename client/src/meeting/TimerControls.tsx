import { createSignal, For, Show } from 'solid-js'
import { setMeetingControl, type MeetingTimer } from '../../../shared/workspace/control.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import {
  addMinute,
  parseMinutes,
  pauseTimer,
  resumeTimer,
  startTimer,
  timerPresetsMinutes,
  withSound,
} from './timer.ts'

export interface TimedAgendaItem {
  id: string
  title: string
  minutes: number
}

/**
 * The facilitator's timer buttons: start for the current agenda item (its minutes) or a
 * free one ("3 minuter – diskutera med grannen": presets or own minutes), pause, resume,
 * a minute more, stop, sound on or off. Every write is the whole timer, with its end in
 * the server's time (`now`), through the control state the relay lets only facilitators
 * change.
 */
export function TimerControls(props: {
  meetingId: string
  timer: MeetingTimer | null
  now: () => number
  agendaItem: TimedAgendaItem | null
}) {
  const group = useGroup()
  const { t } = useI18n()
  const [label, setLabel] = createSignal('')
  const [custom, setCustom] = createSignal('')
  const [customError, setCustomError] = createSignal(false)
  const [soundForNext, setSoundForNext] = createSignal(false)
  const sound = () => props.timer?.sound ?? soundForNext()
  // A plain copy: the timer read from the control store is a Solid store proxy.
  const write = (timer: MeetingTimer | null) =>
    setMeetingControl(group.doc, props.meetingId, { timer: timer ? { ...timer } : null })
  const start = (minutes: number, forItem: TimedAgendaItem | null) =>
    write(
      startTimer(
        {
          minutes,
          label: forItem ? forItem.title : label().trim() || null,
          agendaItemId: forItem?.id ?? null,
          sound: sound(),
        },
        props.now(),
      ),
    )
  const startCustom = (event: SubmitEvent) => {
    event.preventDefault()
    const minutes = parseMinutes(custom())
    setCustomError(minutes === null)
    if (minutes !== null) start(minutes, null)
  }
  const change = (next: (timer: MeetingTimer, now: number) => MeetingTimer) => {
    if (props.timer) write(next(props.timer, props.now()))
  }

  return (
    <section class="timer-controls" aria-labelledby="timer-controls-heading">
      <h3 id="timer-controls-heading" class="visually-hidden">
        {t('timer.controls')}
      </h3>
      <Show when={props.timer}>
        {(timer) => (
          <div class="timer-actions">
            <Show
              when={timer().state === 'running'}
              fallback={
                <button type="button" class="button primary" onClick={() => change(resumeTimer)}>
                  {t('timer.resume')}
                </button>
              }
            >
              <button type="button" class="button" onClick={() => change(pauseTimer)}>
                {t('timer.pause')}
              </button>
            </Show>
            <button type="button" class="button" onClick={() => change(addMinute)}>
              {t('timer.addMinute')}
            </button>
            <button type="button" class="button danger" onClick={() => write(null)}>
              {t('timer.stop')}
            </button>
          </div>
        )}
      </Show>
      <Show when={props.agendaItem && props.agendaItem.minutes > 0 ? props.agendaItem : null}>
        {(item) => (
          <button
            type="button"
            class="button primary"
            onClick={() => start(item().minutes, item())}
            data-testid="timer-for-item"
          >
            {t('timer.forItem', { n: item().minutes })}
          </button>
        )}
      </Show>
      {/* The free timer's form folds away: the facilitator's bar stays one calm row. */}
      <details class="timer-start">
        <summary class="button">{t('timer.startMenu')}</summary>
        <form class="timer-free" onSubmit={startCustom}>
          <label>
            {t('timer.freeLabel')}
            <input
              type="text"
              maxLength={200}
              value={label()}
              placeholder={t('timer.freePlaceholder')}
              onInput={(event) => setLabel(event.currentTarget.value)}
            />
          </label>
          <div class="timer-presets" role="group" aria-label={t('timer.presets')}>
            <For each={timerPresetsMinutes}>
              {(minutes) => (
                <button type="button" class="button" onClick={() => start(minutes, null)}>
                  {t('timer.preset', { n: minutes })}
                </button>
              )}
            </For>
          </div>
          <label>
            {t('timer.custom')}
            <input
              type="text"
              inputMode="decimal"
              size={4}
              value={custom()}
              aria-invalid={customError() ? 'true' : undefined}
              aria-describedby={customError() ? 'timer-custom-error' : undefined}
              onInput={(event) => setCustom(event.currentTarget.value)}
            />
          </label>
          <button type="submit" class="button">
            {t('timer.startCustom')}
          </button>
          <Show when={customError()}>
            <p id="timer-custom-error" class="error" role="alert">
              {t('timer.customInvalid')}
            </p>
          </Show>
        </form>
        <label class="timer-sound-toggle">
          <input
            type="checkbox"
            checked={sound()}
            onChange={(event) => {
              const on = event.currentTarget.checked
              setSoundForNext(on)
              change((timer) => withSound(timer, on))
            }}
          />
          {t('timer.sound')}
        </label>
      </details>
    </section>
  )
}
