import { createResource, For, Show } from 'solid-js'
import type { RoundLead, RoundSummary } from '../../../shared/rounds-api.ts'
import { useI18n } from '../i18n/context.tsx'
import { moment, roundYears, trackName } from './format.ts'
import { LeadFrame } from './LeadFrame.tsx'
import { LeadInvitation } from './LeadInvitation.tsx'
import { roundsApi } from './rounds-client.ts'

/**
 * `/omgang`: the round lead's home, the rounds they lead (newest first) and, for a lead
 * over every round, "Ny omgång".
 */
export function RoundsPage() {
  return <LeadFrame>{(lead) => <Rounds lead={lead} />}</LeadFrame>
}

function Rounds(props: { lead: RoundLead }) {
  const { t } = useI18n()
  const [answer, { refetch }] = createResource(() => roundsApi.rounds())
  return (
    <>
      <div class="section-head">
        <h1>{t('rounds.title')}</h1>
        <Show when={props.lead.cohortId === null}>
          <a class="button primary" href="/omgang/ny">
            {t('rounds.new')}
          </a>
        </Show>
      </div>
      <p class="lead">{t('rounds.intro')}</p>
      <Show
        when={!answer.error}
        fallback={
          <div role="alert">
            <p>{t('rounds.loadFailed')}</p>
            <button type="button" class="button" onClick={() => void refetch()}>
              {t('members.retry')}
            </button>
          </div>
        }
      >
        <Show when={answer()} fallback={<p aria-busy="true">{t('rounds.loading')}</p>}>
          {(loaded) => (
            <Show
              when={loaded().rounds.length > 0}
              fallback={<p data-testid="no-rounds">{t('rounds.none')}</p>}
            >
              <ul class="round-list" data-testid="round-list">
                <For each={loaded().rounds}>{(round) => <RoundCard round={round} />}</For>
              </ul>
            </Show>
          )}
        </Show>
        {/* Only a lead over every round may invite another (the server refuses the rest). */}
        <Show when={props.lead.cohortId === null && answer()}>
          {(loaded) => <LeadInvitation lead={props.lead} rounds={loaded().rounds} />}
        </Show>
      </Show>
    </>
  )
}

function RoundCard(props: { round: RoundSummary }) {
  const { t, locale } = useI18n()
  const activity = () => props.round.lastActivityAt ?? null
  return (
    <li class="round-card">
      <h2>
        <a href={`/omgang/${encodeURIComponent(props.round.id)}`}>{props.round.name}</a>
      </h2>
      <dl class="facts">
        <div>
          <dt>{t('rounds.track')}</dt>
          <dd>{trackName(props.round, locale())}</dd>
        </div>
        <div>
          <dt>{t('rounds.years')}</dt>
          <dd>{roundYears(props.round)}</dd>
        </div>
        <div>
          <dt>{t('rounds.groups')}</dt>
          <dd>{t('rounds.groupCount', { n: props.round.groupCount })}</dd>
        </div>
        <div>
          <dt>{t('rounds.lastActivity')}</dt>
          <dd>{activity() ? moment(activity() ?? '', locale()) : t('rounds.noActivity')}</dd>
        </div>
      </dl>
    </li>
  )
}
