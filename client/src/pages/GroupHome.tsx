import { For, Show } from 'solid-js'
import { groupMemberRoleLabels, organisationKindLabels } from '../../../shared/domain/labels.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { MeetingTimeline } from '../meetings/MeetingTimeline.tsx'
import { LazyResultsSummary } from '../results/LazyResultsSummary.tsx'
import { ExportLinks } from '../exports/ExportLinks.tsx'

/** The group's home: organisations, the meeting timeline, who is online. */
export function GroupHome() {
  const group = useGroup()
  const { t, l } = useI18n()

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
              <a href={`/g/${encodeURIComponent(group.room)}/omgang`}>{t('overview.groupLink')}</a>
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
          <MeetingTimeline />
          <LazyResultsSummary />
          <ExportLinks print />
        </div>
      )}
    </Show>
  )
}
