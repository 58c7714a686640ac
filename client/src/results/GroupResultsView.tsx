import { For, Show } from 'solid-js'
import { Dynamic } from 'solid-js/web'
import { useI18n } from '../i18n/context.tsx'
import { createGroupResults } from './group-results.ts'
import { OrganisationResults } from './OrganisationResults.tsx'
import { PlanList } from './PlanList.tsx'
import '../styles/results.css'

/**
 * The group's results, live and read-only: the criterion's rule, each organisation's
 * totals, criterion and items, then the PDSA plans. The results page shows it under its
 * h1 (`level` 2), the board's Resultat tab under the part's h2 (`level` 3).
 */
export function GroupResultsView(props: { level: 2 | 3 }) {
  const { t } = useI18n()
  const { version, organisations, results } = createGroupResults()
  const orgResults = (id: string) =>
    results.value.organisations.find((r) => r.organisationId === id)
  return (
    <>
      <p class="hint">{t('results.criterionRule', { n: version().criterion.minThrees })}</p>
      <Show when={organisations().length > 0} fallback={<p>{t('results.noOrganisations')}</p>}>
        <For each={organisations()}>
          {(org) => (
            <Show when={orgResults(org.id)}>
              {(own) => (
                <OrganisationResults
                  org={org}
                  results={own()}
                  version={version()}
                  level={props.level}
                />
              )}
            </Show>
          )}
        </For>
      </Show>
      <section aria-labelledby="results-plans-heading">
        <Dynamic component={`h${props.level}`} id="results-plans-heading">
          {t('results.plans')}
        </Dynamic>
        <PlanList plans={results.value.plans} version={version()} level={props.level} />
      </section>
    </>
  )
}
