import { For, Show } from 'solid-js'
import { Dynamic } from 'solid-js/web'
import type { OrganisationSummary } from '../../../shared/api.ts'
import {
  checklistPhaseLabels,
  checklistScoreLabels,
  checklistPhases,
  type ChecklistScore,
} from '../../../shared/domain/checklist.ts'
import type { ChecklistVersion } from '../../../shared/domain/checklist-versions.ts'
import type {
  OrganisationChecklistResults,
  PhaseResult,
} from '../../../shared/results/checklist.ts'
import { useI18n } from '../i18n/context.tsx'
import { blockingReasons } from './criterion-text.ts'
import { chartPhaseLabels, tablePhaseLabels } from './phase-labels.ts'
import { TotalsChart } from './TotalsChart.tsx'

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0')

/**
 * One organisation's self-assessment over the round: the totals per phase as a chart with
 * the same figures in a table beside it (with the criterion and what blocks it), then the
 * items one by one with their scores per phase and the comments.
 */
export function OrganisationResults(props: {
  org: OrganisationSummary
  results: OrganisationChecklistResults
  version: ChecklistVersion
  /** The organisation's heading level (its sections' one below): 2 on the page, 3 on the board. */
  level?: 2 | 3
}) {
  const { t, l } = useI18n()
  const heading = () => `h${props.level ?? 2}`
  const subheading = () => `h${(props.level ?? 2) + 1}`
  const id = () => `results-${props.org.id}`
  const phaseLabel = (phase: PhaseResult) => l(tablePhaseLabels[phase.phase])
  const totalText = (phase: PhaseResult) =>
    phase.scored === 0
      ? t('results.notScored')
      : t('results.ofMax', { total: phase.total, max: phase.max }) +
        (phase.scored < phase.itemCount
          ? ` ${t('results.partly', { scored: phase.scored, count: phase.itemCount })}`
          : '')
  const alt = () =>
    t('results.chartAlt', {
      org: props.org.name,
      max: props.results.phases[0]?.max ?? 0,
      values: props.results.phases
        .map((phase) => `${phaseLabel(phase)} ${totalText(phase)}`)
        .join(', '),
    })
  const scoreTitle = (score: ChecklistScore | null) =>
    score === null ? t('results.notScored') : `${score}: ${l(checklistScoreLabels[score])}`

  return (
    <section class="org-results" aria-labelledby={id()} data-testid={`results-${props.org.id}`}>
      <Dynamic component={heading()} id={id()}>
        {props.org.name}
      </Dynamic>
      <Dynamic component={subheading()}>{t('results.totals')}</Dynamic>
      <div class="chart-and-table">
        <TotalsChart
          alt={alt()}
          max={props.results.phases[0]?.max ?? 0}
          points={props.results.phases.map((phase) => ({
            label: l(chartPhaseLabels[phase.phase]),
            total: phase.scored === 0 ? null : phase.total,
          }))}
        />
        <div class="table-scroll">
          <table class="results-totals" data-testid="results-totals">
            <caption class="visually-hidden">
              {t('results.totals')}: {props.org.name}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('results.phase')}</th>
                <th scope="col">{t('results.total')}</th>
                <th scope="col">{t('results.criterion')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.results.phases}>
                {(phase) => (
                  <tr data-phase={phase.phase}>
                    <th scope="row">{phaseLabel(phase)}</th>
                    <td data-testid="results-total">{totalText(phase)}</td>
                    <td data-testid="results-criterion">
                      <Show when={phase.scored > 0} fallback="–">
                        <Show
                          when={phase.criterion.met}
                          fallback={
                            <>
                              <span class="criterion-no">✗ {t('results.notMet')}</span>
                              <ul class="reasons">
                                <For each={blockingReasons(t, props.version, phase.criterion)}>
                                  {(reason) => <li>{reason}</li>}
                                </For>
                              </ul>
                            </>
                          }
                        >
                          <span class="criterion-yes">✓ {t('results.met')}</span>
                        </Show>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </div>
      <Show when={props.results.improvement !== null}>
        <p>
          {t('results.changeTotal')}: <strong>{signed(props.results.improvement ?? 0)}</strong>
        </p>
      </Show>

      <Dynamic component={subheading()}>{t('results.items')}</Dynamic>
      <table class="results-items" data-testid="results-items">
        <caption class="visually-hidden">
          {t('results.items')}: {props.org.name}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('results.item')}</th>
            <For each={checklistPhases}>
              {(phase) => <th scope="col">{l(tablePhaseLabels[phase])}</th>}
            </For>
            <th scope="col">{t('results.change')}</th>
            <th scope="col">{t('results.comments')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.results.items}>
            {(item) => (
              <tr data-testid={`results-item-${item.number}`}>
                <th scope="row" class="item-text">
                  <span class="item-number">{item.number}.</span>{' '}
                  {l(props.version.items[item.number - 1]!.text)}
                </th>
                <For each={checklistPhases}>
                  {(phase) => (
                    <td
                      class="score-cell"
                      data-label={l(tablePhaseLabels[phase])}
                      data-score={item.scores[phase] ?? ''}
                      title={scoreTitle(item.scores[phase])}
                    >
                      <Show
                        when={item.scores[phase]}
                        fallback={
                          <>
                            <span aria-hidden="true">–</span>
                            <span class="visually-hidden">{t('results.notScored')}</span>
                          </>
                        }
                      >
                        {(score) => <span class="score">{score()}</span>}
                      </Show>
                    </td>
                  )}
                </For>
                <td class="change-cell" data-label={t('results.change')}>
                  {item.change === null ? '–' : signed(item.change)}
                </td>
                <td class="comments-cell" data-label={t('results.comments')}>
                  <For each={checklistPhases.filter((phase) => item.comments[phase].trim())}>
                    {(phase) => (
                      <p>
                        <strong>{l(checklistPhaseLabels[phase])}:</strong> {item.comments[phase]}
                      </p>
                    )}
                  </For>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </section>
  )
}
