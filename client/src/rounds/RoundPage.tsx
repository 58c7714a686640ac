import { useParams } from '@solidjs/router'
import { createResource, For, Show } from 'solid-js'
import { getChecklistVersion } from '../../../shared/domain/checklist-versions.ts'
import { meetingKindLabels } from '../../../shared/domain/labels.ts'
import type { RoundDetail, RoundLead } from '../../../shared/rounds-api.ts'
import { useI18n } from '../i18n/context.tsx'
import { errorMessageKey } from '../pages/errors.ts'
import { meetingDay, roundYears, trackName } from './format.ts'
import { GroupCard } from './GroupCard.tsx'
import { LeadFrame } from './LeadFrame.tsx'
import { roundsApi } from './rounds-client.ts'

/** `/omgang/:cohortId`: one round, its plan and its groups. */
export function RoundPage() {
  const params = useParams<{ cohortId: string }>()
  return <LeadFrame>{(lead) => <Round lead={lead} cohortId={params.cohortId} />}</LeadFrame>
}

function Round(props: { lead: RoundLead; cohortId: string }) {
  const { t } = useI18n()
  const [round] = createResource(() => props.cohortId, roundsApi.round)
  return (
    <>
      <p>
        <a href="/omgang">{t('rounds.back')}</a>
      </p>
      <Show
        when={!round.error}
        fallback={
          <>
            <h1>{t('rounds.round.unavailable')}</h1>
            <p role="alert">{t(errorMessageKey(round.error))}</p>
          </>
        }
      >
        <Show when={round()} fallback={<p aria-busy="true">{t('rounds.loading')}</p>}>
          {(loaded) => <RoundView round={loaded()} lead={props.lead} />}
        </Show>
      </Show>
    </>
  )
}

function RoundView(props: { round: RoundDetail; lead: RoundLead }) {
  const { t, l, locale } = useI18n()
  const base = () => `/omgang/${encodeURIComponent(props.round.id)}`
  return (
    <>
      <h1>{props.round.name}</h1>
      <dl class="facts round-facts">
        <div>
          <dt>{t('rounds.track')}</dt>
          <dd>{trackName(props.round, locale())}</dd>
        </div>
        <div>
          <dt>{t('rounds.years')}</dt>
          <dd>{roundYears(props.round)}</dd>
        </div>
        <div>
          <dt>{t('rounds.roundForm.checklist')}</dt>
          <dd>{l(getChecklistVersion(props.round.checklistVersion).name)}</dd>
        </div>
        <div>
          <dt>{t('rounds.round.plan')}</dt>
          <dd>
            <ol class="plan-summary">
              <For each={props.round.meetingPlan}>
                {(entry) => (
                  <li>
                    {l(meetingKindLabels[entry.kind])}
                    <Show when={entry.date}>
                      {(date) => <span class="hint"> · {meetingDay(date(), locale())}</span>}
                    </Show>
                  </li>
                )}
              </For>
            </ol>
          </dd>
        </div>
      </dl>
      <div class="actions">
        <a class="button" href={`${base()}/redigera`}>
          {t('rounds.round.edit')}
        </a>
        <a class="button" href={`${base()}/oversikt`}>
          {t('overview.roundLink')}
        </a>
        <a class="button" href={`${base()}/logg`}>
          {t('privacy.roundLink')}
        </a>
        <Show when={props.lead.cohortId === null}>
          <a class="button" href={`${base()}/kopiera`}>
            {t('rounds.round.copy')}
          </a>
        </Show>
      </div>
      <section aria-labelledby="groups-heading" class="round-groups">
        <div class="section-head">
          <h2 id="groups-heading">
            {t('rounds.round.groupsHeading')}
            <span class="hint"> · {t('rounds.groupCount', { n: props.round.groups.length })}</span>
          </h2>
          <a class="button primary" href={`${base()}/ny-grupp`}>
            {t('rounds.round.newGroup')}
          </a>
        </div>
        <Show
          when={props.round.groups.length > 0}
          fallback={<p data-testid="no-groups">{t('rounds.round.noGroups')}</p>}
        >
          <ul class="group-list">
            <For each={props.round.groups}>
              {(group) => <GroupCard round={props.round} group={group} lead={props.lead} />}
            </For>
          </ul>
        </Show>
      </section>
    </>
  )
}
