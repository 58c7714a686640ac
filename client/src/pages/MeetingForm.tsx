import { createSignal, For, onMount, Show, untrack } from 'solid-js'
import type { MeetingInput, MeetingSummary, OrganisationSummary } from '../../../shared/api.ts'
import { meetingKindLabels } from '../../../shared/domain/labels.ts'
import { meetingKinds, type MeetingKind } from '../../../shared/domain/meeting-kind.ts'
import { ApiFailure, api } from '../api/client.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { isShown, orderWith, shownBefore } from '../meetings/meeting-order.ts'
import { errorMessageKey } from './errors.ts'

/** The value of the "place in the order" select for "first". */
const FIRST = ''

/**
 * Facilitators add an extra meeting, or change a meeting's date, time, host, place, video
 * link and its place among the group's meetings. A new meeting needs a date or a title: an
 * empty form saved by mistake made an "Extra träff – Datum ej bestämt" nobody wanted.
 */
export function MeetingForm(props: {
  meeting: MeetingSummary | null
  /** The group's meetings in order (archived ones too). */
  meetings: readonly MeetingSummary[]
  organisations: OrganisationSummary[]
  onDone: (saved: MeetingSummary | null) => void
  title: (meeting: MeetingSummary) => string
}) {
  const group = useGroup()
  const { t, l } = useI18n()
  const [error, setError] = createSignal<string | null>(null)
  const [busy, setBusy] = createSignal(false)
  let heading: HTMLHeadingElement | undefined
  onMount(() => heading?.focus())

  const editing = () => props.meeting
  const startsAfter = () => {
    const current = editing()
    return current ? (shownBefore(props.meetings, current.id) ?? FIRST) : FIRST
  }
  const places = () => props.meetings.filter((m) => isShown(m) && m.id !== editing()?.id)
  // The place is read once and then the facilitator's: a move by someone else while the
  // form is open neither changes the select nor is undone by saving the other fields.
  const [after, setAfter] = createSignal(untrack(startsAfter))
  let placeChosen = false

  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    const text = (name: string) => {
      const value = String(form.get(name) ?? '').trim()
      return value === '' ? null : value
    }
    const input: MeetingInput = {
      kind: (text('kind') ?? 'extra') as MeetingKind,
      title: text('title'),
      date: text('date'),
      startTime: text('startTime'),
      durationMinutes: Number(text('duration') ?? 360),
      hostOrganisationId: text('host'),
      place: text('place'),
      videoLink: text('videoLink'),
    }
    const current = editing()
    if (!current && !input.date && !input.title) {
      setError(t('meetings.needDateOrTitle'))
      return
    }
    setBusy(true)
    setError(null)
    try {
      if (!current) {
        props.onDone(await api.createMeeting(group.room, input))
        return
      }
      const saved = await api.updateMeeting(group.room, current.id, input)
      if (placeChosen && after() !== startsAfter()) {
        const ids = props.meetings.map((m) => m.id)
        await api.orderMeetings(group.room, orderWith(ids, current.id, after() || null))
      }
      props.onDone(saved)
    } catch (failure) {
      if (failure instanceof ApiFailure && failure.status === 409) {
        setError(t('meetings.orderChanged'))
        group.refetchGroup()
      } else setError(t(errorMessageKey(failure)))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="card meeting-form" onSubmit={submit} aria-labelledby="meeting-form-heading">
      <h3 id="meeting-form-heading" ref={heading} tabindex="-1">
        {editing()
          ? t('meetings.editTitle', { title: props.title(editing()!) })
          : t('meetings.newTitle')}
      </h3>
      <div class="form-grid">
        <div class="field">
          <label for="m-kind">{t('meeting.kind')}</label>
          <select id="m-kind" name="kind" disabled={!!editing()} value={editing()?.kind ?? 'extra'}>
            <For each={meetingKinds}>
              {(kind) => <option value={kind}>{l(meetingKindLabels[kind])}</option>}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="m-title">{t('meeting.title')}</label>
          <input id="m-title" name="title" maxlength="120" value={editing()?.title ?? ''} />
        </div>
        <div class="field">
          <label for="m-date">{t('meeting.date')}</label>
          <input id="m-date" name="date" type="date" value={editing()?.date ?? ''} />
        </div>
        <div class="field">
          <label for="m-time">{t('meeting.startTime')}</label>
          <input id="m-time" name="startTime" type="time" value={editing()?.startTime ?? ''} />
        </div>
        <div class="field">
          <label for="m-duration">{t('meeting.duration')}</label>
          <input
            id="m-duration"
            name="duration"
            type="number"
            min="15"
            max="1440"
            step="15"
            value={editing()?.durationMinutes ?? 360}
          />
        </div>
        <div class="field">
          <label for="m-host">{t('meeting.host')}</label>
          <select id="m-host" name="host" value={editing()?.hostOrganisationId ?? ''}>
            <option value="">{t('meeting.hostNone')}</option>
            <For each={props.organisations}>
              {(org) => <option value={org.id}>{org.name}</option>}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="m-place">{t('meeting.place')}</label>
          <input id="m-place" name="place" maxlength="200" value={editing()?.place ?? ''} />
        </div>
        <div class="field">
          <label for="m-video">{t('meeting.video')}</label>
          <input
            id="m-video"
            name="videoLink"
            type="url"
            maxlength="500"
            value={editing()?.videoLink ?? ''}
          />
        </div>
        <Show when={editing() && places().length > 0}>
          <div class="field">
            <label for="m-after">{t('meetings.position')}</label>
            <select
              id="m-after"
              name="after"
              value={after()}
              onChange={(event) => {
                placeChosen = true
                setAfter(event.currentTarget.value)
              }}
            >
              <option value={FIRST}>{t('meetings.positionFirst')}</option>
              <For each={places()}>
                {(other) => (
                  <option value={other.id}>
                    {t('meetings.positionAfter', { title: props.title(other) })}
                  </option>
                )}
              </For>
            </select>
          </div>
        </Show>
      </div>
      <Show when={error()}>
        <p class="error" role="alert">
          {error()}
        </p>
      </Show>
      <div class="actions">
        <button type="submit" class="button primary" disabled={busy()}>
          {t('meeting.save')}
        </button>
        <button type="button" class="button subtle" onClick={() => props.onDone(null)}>
          {t('meeting.cancel')}
        </button>
      </div>
    </form>
  )
}
