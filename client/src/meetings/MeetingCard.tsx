import { Show } from 'solid-js'
import type { MeetingSummary } from '../../../shared/api.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'

const formatDate = (date: string | null, locale: string) =>
  date
    ? new Date(`${date}T12:00:00`).toLocaleDateString(locale === 'sv' ? 'sv-SE' : 'en-GB', {
        dateStyle: 'long',
      })
    : null

export interface MeetingActions {
  edit: (meeting: MeetingSummary, opener: HTMLElement) => void
  archive: (meeting: MeetingSummary, opener: HTMLElement) => void
  restore: (meeting: MeetingSummary) => void
  remove: (meeting: MeetingSummary, opener: HTMLElement) => void
}

/**
 * One meeting on the group home: when, who hosts, where, its board and video link; for
 * facilitators the controls to edit, archive (or restore) and delete it. Every control
 * names its meeting for a screen reader, as a card's buttons are read out of context.
 */
export function MeetingCard(props: {
  meeting: MeetingSummary
  title: string
  actions: MeetingActions
}) {
  const group = useGroup()
  const { t, locale } = useI18n()
  const board = () =>
    `/g/${encodeURIComponent(group.room)}/m/${encodeURIComponent(props.meeting.id)}`
  const named = () => <span class="visually-hidden">: {props.title}</span>
  const archived = () => !!props.meeting.archivedAt

  return (
    <li
      class={archived() ? 'meeting-card archived' : 'meeting-card'}
      data-testid={archived() ? 'archived-meeting-card' : 'meeting-card'}
    >
      <h3>
        <a href={board()}>{props.title}</a>
      </h3>
      <p class="meta">
        <span>{formatDate(props.meeting.date, locale()) ?? t('home.noDate')}</span>
        <Show when={props.meeting.startTime}>
          <span> {props.meeting.startTime}</span>
        </Show>
        <Show when={group.organisation(props.meeting.hostOrganisationId)}>
          {(host) => <span> · {t('home.host', { host: host().name })}</span>}
        </Show>
        <Show when={props.meeting.place}>
          <span> · {props.meeting.place}</span>
        </Show>
      </p>
      <p class="actions">
        <a class={archived() ? 'button' : 'button primary'} href={board()}>
          {t('home.openBoard')}
          {named()}
        </a>
        <Show when={props.meeting.videoLink && !archived()}>
          <a
            class="button"
            href={props.meeting.videoLink ?? undefined}
            rel="noopener noreferrer"
            target="_blank"
          >
            {t('home.video')}
          </a>
        </Show>
        <Show when={group.facilitator}>
          <Show
            when={!archived()}
            fallback={
              <button
                type="button"
                class="button subtle"
                onClick={() => props.actions.restore(props.meeting)}
              >
                {t('meetings.restore')}
                {named()}
              </button>
            }
          >
            <button
              type="button"
              class="button subtle"
              onClick={(event) => props.actions.edit(props.meeting, event.currentTarget)}
            >
              {t('home.editMeeting')}
              {named()}
            </button>
            <button
              type="button"
              class="button subtle"
              onClick={(event) => props.actions.archive(props.meeting, event.currentTarget)}
            >
              {t('meetings.archive')}
              {named()}
            </button>
          </Show>
          <button
            type="button"
            class="button subtle danger"
            onClick={(event) => props.actions.remove(props.meeting, event.currentTarget)}
          >
            {t('meetings.delete')}
            {named()}
          </button>
        </Show>
      </p>
    </li>
  )
}
