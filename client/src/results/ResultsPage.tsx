import { Show } from 'solid-js'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { GroupResultsView } from './GroupResultsView.tsx'

/**
 * `/g/:room/resultat`: what the group's meetings add up to, per organisation, live from
 * the board: every member may read it (viewers too); nothing here writes.
 */
export function ResultsPage() {
  const group = useGroup()
  const { t } = useI18n()
  return (
    <div class="results-page">
      <p>
        <a href={`/g/${encodeURIComponent(group.room)}`}>{t('results.back')}</a>
      </p>
      <h1>{t('results.title')}</h1>
      <p class="lead">{t('results.lead')}</p>
      <Show when={group.group()} fallback={<p aria-busy="true">{t('board.loading')}</p>}>
        <GroupResultsView level={2} />
      </Show>
    </div>
  )
}
