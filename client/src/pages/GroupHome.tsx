import { createSignal, For, Show } from 'solid-js'
import type { MeetingSummary } from '../../../shared/api.ts'
import {
  groupMemberRoleLabels,
  meetingKindLabels,
  organisationKindLabels,
} from '../../../shared/domain/labels.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { MeetingForm } from './MeetingForm.tsx'
import { LazyResultsSummary } from '../results/LazyResultsSummary.tsx'

const formatDate = (date: string | null, locale: string) =>
  date
    ? new Date(`${date}T12:00:00`).toLocaleDateString(locale === 'sv' ? 'sv-SE' : 'en-GB', {
        dateStyle: 'long',
      })
    : null

/** The group's home: organisations, the meeting timeline, who is online. */
export function GroupHome() {
  const group = useGroup()
  const { t, l, locale } = useI18n()
  const [editing, setEditing] = createSignal<MeetingSummary | 'new' | null>(null)
  const meetingTitle = (meeting: MeetingSummary) =>
    meeting.title || l(meetingKindLabels[meeting.kind])

  return (
    <Show when={group.group()} fallback={<p aria-busy="true">{t('board.loading')}</p>}>
      {(loaded) => (
        <div class="home">
          <h1>{loaded().group.name}</h1>
          <p class="lead">{loaded().cohort.name}</p>
          <Show when={group.facilitator}>
            <p>
              <a class="button" href={`/g/${encodeURIComponent(group.room)}/medlemmar`}>
                {t('members.link')}
              </a>
            </p>
          </Show>
          <Show when={!group.readOnly}>
            <p>
              <a href={`/g/${encodeURIComponent(group.room)}/historik`}>{t('history.link')}</a>
            </p>
          </Show>
          <section aria-labelledby="orgs-heading">
            <h2 id="orgs-heading">{t('home.organisations')}</h2>
            <ul class="org-list">
              <For each={loaded().organisations}>
                {(org) => (
                  <li class={`org ${org.memberRole}`}>
                    <span class="org-name">{org.name}</span>
                    <span class="org-kind">
                      {l(organisationKindLabels[org.kind])}
                      {org.municipalityCode ? ` ${org.municipalityCode}` : ''}
                    </span>
                    <Show when={org.memberRole !== 'benchmarking'}>
                      <span class="tag">{l(groupMemberRoleLabels[org.memberRole])}</span>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </section>
          <section aria-labelledby="meetings-heading">
            <div class="section-head">
              <h2 id="meetings-heading">{t('home.meetings')}</h2>
              <Show when={group.facilitator}>
                <button type="button" class="button" onClick={() => setEditing('new')}>
                  {t('home.addMeeting')}
                </button>
              </Show>
            </div>
            {/* Keyed: editing another meeting is a fresh form, not this one's values kept. */}
            <Show when={editing()} keyed>
              {(current) => (
                <MeetingForm
                  meeting={current === 'new' ? null : current}
                  organisations={loaded().organisations}
                  onDone={() => {
                    setEditing(null)
                    group.refetchGroup()
                  }}
                />
              )}
            </Show>
            <ol class="timeline">
              <For each={loaded().meetings}>
                {(meeting) => (
                  <li class="meeting-card" data-testid="meeting-card">
                    <h3>
                      <a
                        href={`/g/${encodeURIComponent(group.room)}/m/${encodeURIComponent(meeting.id)}`}
                      >
                        {meetingTitle(meeting)}
                      </a>
                    </h3>
                    <p class="meta">
                      <span>{formatDate(meeting.date, locale()) ?? t('home.noDate')}</span>
                      <Show when={meeting.startTime}>
                        <span> {meeting.startTime}</span>
                      </Show>
                      <Show when={group.organisation(meeting.hostOrganisationId)}>
                        {(host) => <span> · {t('home.host', { host: host().name })}</span>}
                      </Show>
                      <Show when={meeting.place}>
                        <span> · {meeting.place}</span>
                      </Show>
                    </p>
                    <p class="actions">
                      <a
                        class="button primary"
                        href={`/g/${encodeURIComponent(group.room)}/m/${encodeURIComponent(meeting.id)}`}
                      >
                        {t('home.openBoard')}
                        <span class="visually-hidden">: {meetingTitle(meeting)}</span>
                      </a>
                      <Show when={meeting.videoLink}>
                        <a
                          class="button"
                          href={meeting.videoLink ?? undefined}
                          rel="noopener noreferrer"
                          target="_blank"
                        >
                          {t('home.video')}
                        </a>
                      </Show>
                      <Show when={group.facilitator}>
                        <button
                          type="button"
                          class="button subtle"
                          onClick={() => setEditing(meeting)}
                        >
                          {t('home.editMeeting')}
                          <span class="visually-hidden">: {meetingTitle(meeting)}</span>
                        </button>
                      </Show>
                    </p>
                  </li>
                )}
              </For>
            </ol>
          </section>
          <LazyResultsSummary />
        </div>
      )}
    </Show>
  )
}
