import { For, Show } from 'solid-js'
import { useI18n } from '../i18n/context.tsx'
import { blockingReasons } from '../results/criterion-text.ts'
import { createGroupResults } from '../results/group-results.ts'
import { chartPhaseLabels } from '../results/phase-labels.ts'
import { TotalsChart } from '../results/TotalsChart.tsx'
import { projectorResultsOf, type ResultsCell } from './projector-results.ts'

/**
 * The group's results for the room: per organisation its totals per phase as a chart and,
 * beside it, the same figures in large type with the Modellkommun criterion in words, and
 * what keeps the last scored phase from meeting it. The organisations stand side by side
 * (two rows from four on), their charts on the same scale, to be compared. Live.
 */
/** Up to three organisations in a row; more in two rows, so none gets a sliver. */
const columnsFor = (count: number) => (count <= 3 ? count : Math.ceil(count / 2))

export function ProjectorResults() {
  const { t, l } = useI18n()
  const { version, organisations, results } = createGroupResults()
  const view = (orgId: string) => {
    const own = results.value.organisations.find((r) => r.organisationId === orgId)
    return own ? projectorResultsOf(own) : null
  }
  const criterionText = (cell: ResultsCell) =>
    cell.criterion === 'met'
      ? `✓ ${t('projector.resultsMet')}`
      : cell.criterion === 'notMet'
        ? `✗ ${t('projector.resultsNotMet')}`
        : '–'
  return (
    <Show
      when={organisations().length > 0}
      fallback={<p class="projector-empty">{t('results.noOrganisations')}</p>}
    >
      <div
        class="projector-results"
        data-testid="projector-results"
        style={{ '--org-columns': String(columnsFor(organisations().length)) }}
      >
        <p class="projector-results-rule">
          {t('results.criterionRule', { n: version().criterion.minThrees })}
        </p>
        <For each={organisations()}>
          {(org) => (
            <Show when={view(org.id)}>
              {(own) => (
                <section
                  class="projector-org-results"
                  aria-labelledby={`projector-results-${org.id}`}
                  data-testid={`projector-results-${org.id}`}
                >
                  <h2 id={`projector-results-${org.id}`}>{org.name}</h2>
                  <div class="projector-results-figures">
                    <TotalsChart
                      fill
                      max={own().max}
                      alt={t('results.chartAlt', {
                        org: org.name,
                        max: own().max,
                        values: own()
                          .cells.map(
                            (cell) =>
                              `${l(chartPhaseLabels[cell.phase])} ${cell.total ?? t('results.notScored')}`,
                          )
                          .join(', '),
                      })}
                      points={own().cells.map((cell) => ({
                        label: l(chartPhaseLabels[cell.phase]),
                        total: cell.total,
                      }))}
                    />
                    <table class="projector-table projector-results-table">
                      <caption class="visually-hidden">
                        {t('results.totals')}: {org.name}
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('results.phase')}</th>
                          <th scope="col">{t('projector.resultsPoints', { max: own().max })}</th>
                          <th scope="col">{t('results.criterion')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={own().cells}>
                          {(cell) => (
                            <tr data-phase={cell.phase}>
                              <th scope="row">{l(chartPhaseLabels[cell.phase])}</th>
                              <td
                                class="projector-results-total"
                                data-testid="projector-results-total"
                              >
                                <Show
                                  when={cell.total !== null}
                                  fallback={
                                    <>
                                      <span aria-hidden="true">–</span>
                                      <span class="visually-hidden">
                                        {t('projector.resultsNotScored')}
                                      </span>
                                    </>
                                  }
                                >
                                  {cell.total}
                                </Show>
                                <Show when={cell.partly}>
                                  {(partly) => (
                                    <span class="projector-results-partly">
                                      {t('projector.resultsPartly', partly())}
                                    </span>
                                  )}
                                </Show>
                              </td>
                              <td
                                class="projector-results-criterion"
                                data-criterion={cell.criterion}
                              >
                                <span aria-hidden={cell.criterion === 'notScored'}>
                                  {criterionText(cell)}
                                </span>
                                <Show when={cell.criterion === 'notScored'}>
                                  <span class="visually-hidden">
                                    {t('projector.resultsNotScored')}
                                  </span>
                                </Show>
                              </td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </div>
                  <Show when={own().latest}>
                    {(latest) => (
                      <p class="projector-results-latest" data-testid="projector-results-latest">
                        {latest().criterion.met
                          ? t('projector.resultsLatestMet', {
                              phase: l(chartPhaseLabels[latest().phase]),
                            })
                          : t('projector.resultsLatestNotMet', {
                              phase: l(chartPhaseLabels[latest().phase]),
                              reasons: blockingReasons(t, version(), latest().criterion).join('; '),
                            })}
                      </p>
                    )}
                  </Show>
                </section>
              )}
            </Show>
          )}
        </For>
      </div>
    </Show>
  )
}
