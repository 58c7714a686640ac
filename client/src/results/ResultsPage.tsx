import { For, Show } from 'solid-js'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { createGroupResults } from './group-results.ts'
import { OrganisationResults } from './OrganisationResults.tsx'
import { PlanList } from './PlanList.tsx'
import '../styles/results.css'

/**
 * `/g/:room/resultat`: what the group's meetings add up to, per organisation, live from
 * the board: every member may read it (viewers too); nothing here writes.
 */
export function ResultsPage() {
  const group = useGroup()
  const { t } = useI18n()
  const { version, organisations, results } = createGroupResults()
  const orgResults = (id: string) =>
    results.value.organisations.find((r) => r.organisationId === id)
  return (
    <div class="results-page">
      <p>
        <a href={`/g/${encodeURIComponent(group.room)}`}>{t('results.back')}</a>
      </p>
      <h1>{t('results.title')}</h1>
      <p class="lead">{t('results.lead')}</p>
      <Show when={group.group()} fallback={<p aria-busy="true">{t('board.loading')}</p>}>
        <p class="hint">{t('results.criterionRule', { n: version().criterion.minThrees })}</p>
        <Show when={organisations().length > 0} fallback={<p>{t('results.noOrganisations')}</p>}>
          <For each={organisations()}>
            {(org) => (
              <Show when={orgResults(org.id)}>
                {(own) => <OrganisationResults org={org} results={own()} version={version()} />}
              </Show>
            )}
          </For>
        </Show>
        <section aria-labelledby="results-plans-heading">
          <h2 id="results-plans-heading">{t('results.plans')}</h2>
          <PlanList plans={results.value.plans} version={version()} />
        </section>
      </Show>
    </div>
  )
}
