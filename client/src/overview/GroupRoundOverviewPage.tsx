import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { overviewApi } from './overview-client.ts'
import { OverviewLoader } from './RoundOverviewView.tsx'

/**
 * `/g/:room/omgang`: the overview of the group's round for its facilitators, read only (the
 * server answers facilitators only; the group home links here only for them).
 */
export function GroupRoundOverviewPage() {
  const group = useGroup()
  const { t } = useI18n()
  return (
    <div class="rounds-page">
      <p>
        <a href={`/g/${encodeURIComponent(group.room)}`}>{t('overview.backToGroup')}</a>
      </p>
      <OverviewLoader load={() => overviewApi.ofGroupRound(group.room)} readOnlyNote />
    </div>
  )
}
