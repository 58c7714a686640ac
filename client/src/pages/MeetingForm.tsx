import { createSignal, For, Show } from 'solid-js'
import type { MeetingInput, MeetingSummary, OrganisationSummary } from '../../../shared/api.ts'
import { meetingKindLabels } from '../../../shared/domain/labels.ts'
import { meetingKinds, type MeetingKind } from '../../../shared/domain/meeting-kind.ts'
import { api } from '../api/client.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { errorMessageKey } from './errors.ts'

/** Facilitators add an extra meeting or change date, host, place and video link. */
export function MeetingForm(props: {
  meeting: MeetingSummary | null
  organisations: OrganisationSummary[]
  onDone: () => void
}) {
  const group = useGroup()
  const { t, l } = useI18n()
  const [error, setError] = createSignal<string | null>(null)

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
    try {
      const editing = props.meeting
      if (editing) await api.updateMeeting(group.room, editing.id, input)
      else await api.createMeeting(group.room, input)
      props.onDone()
    } catch (failure) {
      setError(t(errorMessageKey(failure)))
    }
  }

  return (
    <form class="card meeting-form" onSubmit={submit}>
      <div class="form-grid">
        <div class="field">
          <label for="m-kind">{t('meeting.kind')}</label>
          <select
            id="m-kind"
            name="kind"
            disabled={!!props.meeting}
            value={props.meeting?.kind ?? 'extra'}
          >
            <For each={meetingKinds}>
              {(kind) => <option value={kind}>{l(meetingKindLabels[kind])}</option>}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="m-title">{t('meeting.title')}</label>
          <input id="m-title" name="title" maxlength="120" value={props.meeting?.title ?? ''} />
        </div>
        <div class="field">
          <label for="m-date">{t('meeting.date')}</label>
          <input id="m-date" name="date" type="date" value={props.meeting?.date ?? ''} />
        </div>
        <div class="field">
          <label for="m-time">{t('meeting.startTime')}</label>
          <input id="m-time" name="startTime" type="time" value={props.meeting?.startTime ?? ''} />
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
            value={props.meeting?.durationMinutes ?? 360}
          />
        </div>
        <div class="field">
          <label for="m-host">{t('meeting.host')}</label>
          <select id="m-host" name="host" value={props.meeting?.hostOrganisationId ?? ''}>
            <option value="">{t('meeting.hostNone')}</option>
            <For each={props.organisations}>
              {(org) => <option value={org.id}>{org.name}</option>}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="m-place">{t('meeting.place')}</label>
          <input id="m-place" name="place" maxlength="200" value={props.meeting?.place ?? ''} />
        </div>
        <div class="field">
          <label for="m-video">{t('meeting.video')}</label>
          <input
            id="m-video"
            name="videoLink"
            type="url"
            maxlength="500"
            value={props.meeting?.videoLink ?? ''}
          />
        </div>
      </div>
      <Show when={error()}>
        <p class="error" role="alert">
          {error()}
        </p>
      </Show>
      <div class="actions">
        <button type="submit" class="button primary">
          {t('meeting.save')}
        </button>
        <button type="button" class="button subtle" onClick={() => props.onDone()}>
          {t('meeting.cancel')}
        </button>
      </div>
    </form>
  )
}
