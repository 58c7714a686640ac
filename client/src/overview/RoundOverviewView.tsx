import { createResource, For, Show } from 'solid-js'
import { checklistPhases } from '../../../shared/domain/checklist.ts'
import { getChecklistVersion } from '../../../shared/domain/checklist-versions.ts'
import { meetingKindLabels } from '../../../shared/domain/labels.ts'
import type { Locale } from '../../../shared/domain/locale.ts'
import { resultsChainLabels, resultsChainLevels } from '../../../shared/domain/results-chain.ts'
import type { RoundOverview } from '../../../shared/round-overview-api.ts'
import { useI18n } from '../i18n/context.tsx'
import { tablePhaseLabels } from '../results/phase-labels.ts'
import { meetingDay, moment, roundYears, trackName } from '../rounds/format.ts'
import '../styles/board.css'
import '../styles/overview.css'

const tag = (locale: Locale) => (locale === 'sv' ? 'sv-SE' : 'en-GB')
const decimal = (locale: Locale, value: number, signed = false) =>
  new Intl.NumberFormat(tag(locale), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 2,
    ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
  }).format(value)

/** Loads an overview (the lead's or a facilitator's door) and shows it, with a retry. */
export function OverviewLoader(props: {
  load: () => Promise<RoundOverview>
  readOnlyNote?: boolean
}) {
  const { t } = useI18n()
  const [overview, { refetch }] = createResource(() => props.load())
  return (
    <>
      <h1>
        {t('overview.title')}
        <Show when={overview.latest}>
          {(loaded) => <span class="hint"> · {loaded().round.name}</span>}
        </Show>
      </h1>
      <Show when={props.readOnlyNote}>
        <p class="hint">{t('overview.readOnly')}</p>
      </Show>
      <Show
        when={!overview.error}
        fallback={
          <div role="alert">
            <p class="error">{t('overview.failed')}</p>
            <button type="button" class="button" onClick={() => void refetch()}>
              {t('overview.retry')}
            </button>
          </div>
        }
      >
        <Show when={overview.latest} fallback={<p aria-busy="true">{t('overview.loading')}</p>}>
          {(loaded) => <RoundOverviewView overview={loaded()} />}
        </Show>
      </Show>
    </>
  )
}

/**
 * The round overview as tables (each with a caption and header scopes): the checklist means
 * per item and meeting (the 2019 report's Table 1), the criterion per meeting, PDSA plans per
 * results-chain level, and the groups side by side. Nothing here writes.
 */
function RoundOverviewView(props: { overview: RoundOverview }) {
  const { t, l, locale } = useI18n()
  const version = () => getChecklistVersion(props.overview.round.checklistVersion)
  const round = () => props.overview.round
  return (
    <div class="round-overview" data-testid="round-overview">
      <p class="lead">
        {trackName(round(), locale())} · {roundYears(round())} ·{' '}
        {t('overview.organisationCount', { n: props.overview.organisationCount })}
      </p>
      <p>{t('overview.intro')}</p>
      <p class="hint">
        {t('overview.generated', { time: moment(props.overview.generatedAt, locale()) })}
      </p>

      <section aria-labelledby="overview-items-heading">
        <h2 id="overview-items-heading">{t('overview.items.heading')}</h2>
        <div
          class="table-scroll"
          tabindex="0"
          role="region"
          aria-labelledby="overview-items-heading"
        >
          <table class="overview-table" data-testid="overview-items">
            <caption>{t('overview.items.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('overview.items.item')}</th>
                <For each={checklistPhases}>
                  {(phase) => <th scope="col">{l(tablePhaseLabels[phase])}</th>}
                </For>
                <th scope="col">{t('overview.items.improvement')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.overview.items}>
                {(row, index) => (
                  <tr data-item={row.itemId}>
                    <th scope="row" class="item-text">
                      <span class="item-number">{row.number}.</span>{' '}
                      {l(version().items[index()]?.text ?? { sv: row.itemId, en: row.itemId })}
                    </th>
                    <For each={checklistPhases}>
                      {(phase) => (
                        <td class="number" data-phase={phase}>
                          {row.means[phase] === null
                            ? t('overview.items.none')
                            : decimal(locale(), row.means[phase])}
                        </td>
                      )}
                    </For>
                    <td class="number" data-testid="overview-improvement">
                      {row.improvement === null
                        ? t('overview.items.none')
                        : decimal(locale(), row.improvement, true)}
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('overview.items.respondents')}</th>
                <For each={checklistPhases}>
                  {(phase) => <td class="number">{props.overview.criterion[phase].scored}</td>}
                </For>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <section aria-labelledby="overview-criterion-heading">
        <h2 id="overview-criterion-heading">{t('overview.criterion.heading')}</h2>
        <div
          class="table-scroll"
          tabindex="0"
          role="region"
          aria-labelledby="overview-criterion-heading"
        >
          <table class="overview-table" data-testid="overview-criterion">
            <caption>{t('overview.criterion.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('overview.criterion.row')}</th>
                <For each={checklistPhases}>
                  {(phase) => <th scope="col">{l(tablePhaseLabels[phase])}</th>}
                </For>
              </tr>
            </thead>
            <tbody>
              <For each={['met', 'fullyScored', 'scored'] as const}>
                {(key) => (
                  <tr data-row={key}>
                    <th scope="row">{t(`overview.criterion.${key}`)}</th>
                    <For each={checklistPhases}>
                      {(phase) => (
                        <td class="number" data-phase={phase}>
                          {props.overview.criterion[phase][key]}
                        </td>
                      )}
                    </For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <p class="hint">{t('results.criterionRule', { n: version().criterion.minThrees })}</p>
      </section>

      <section aria-labelledby="overview-plans-heading">
        <h2 id="overview-plans-heading">{t('overview.plans.heading')}</h2>
        <div
          class="table-scroll"
          tabindex="0"
          role="region"
          aria-labelledby="overview-plans-heading"
        >
          <table class="overview-table" data-testid="overview-plans">
            <caption>{t('overview.plans.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('overview.plans.level')}</th>
                <th scope="col">{t('overview.plans.count')}</th>
                <th scope="col">{t('overview.plans.reaching')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={resultsChainLevels}>
                {(level) => (
                  <tr data-level={level}>
                    <th scope="row">{l(resultsChainLabels[level])}</th>
                    <td class="number">{props.overview.plans[level]}</td>
                    <td class="number">{props.overview.organisationsReaching[level]}</td>
                  </tr>
                )}
              </For>
              <tr data-level="none">
                <th scope="row">{t('overview.plans.none')}</th>
                <td class="number">{props.overview.plans.none}</td>
                <td class="number">–</td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="overview-groups-heading">
        <h2 id="overview-groups-heading">{t('overview.groups.heading')}</h2>
        <Show when={props.overview.groups.length > 0} fallback={<p>{t('overview.groups.none')}</p>}>
          <div
            class="table-scroll"
            tabindex="0"
            role="region"
            aria-labelledby="overview-groups-heading"
          >
            <table class="overview-table overview-groups" data-testid="overview-groups">
              <caption>{t('overview.groups.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('overview.groups.group')}</th>
                  <th scope="col">{t('overview.groups.organisations')}</th>
                  <th scope="col">{t('overview.groups.meetings')}</th>
                  <th scope="col">{t('overview.groups.next')}</th>
                  <th scope="col">{t('overview.groups.plans')}</th>
                  <th scope="col">{t('overview.groups.lastActivity')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={props.overview.groups}>
                  {(group) => (
                    <tr data-group={group.room}>
                      <th scope="row">
                        {group.name}
                        <Show when={!group.readable}>
                          <span class="hint block">{t('overview.groups.unreadable')}</span>
                        </Show>
                      </th>
                      <td>
                        <ul class="plain">
                          <For each={group.organisations}>
                            {(org) => (
                              <li>
                                {org.name}
                                <Show when={org.memberRole !== 'benchmarking'}>
                                  <span class="hint"> ({t('overview.groups.mentor')})</span>
                                </Show>
                              </li>
                            )}
                          </For>
                        </ul>
                      </td>
                      <td data-testid="overview-held">
                        {t('overview.groups.heldOf', {
                          held: group.meetings.held,
                          planned: group.meetings.planned,
                        })}
                        <Show when={group.meetings.undated > 0}>
                          <span class="hint block">
                            {t('overview.groups.undated', { n: group.meetings.undated })}
                          </span>
                        </Show>
                      </td>
                      <td>
                        <Show when={group.meetings.next} fallback={t('overview.groups.noNext')}>
                          {(next) => (
                            <>
                              {l(meetingKindLabels[next().kind])}
                              <span class="hint block">{meetingDay(next().date, locale())}</span>
                            </>
                          )}
                        </Show>
                      </td>
                      <td class="number">
                        {Object.values(group.plans).reduce((sum, n) => sum + n, 0)}
                      </td>
                      <td>
                        {group.lastActivityAt
                          ? moment(group.lastActivityAt, locale())
                          : t('overview.groups.never')}
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </section>
    </div>
  )
}
