import { useParams } from '@solidjs/router'
import { LeadFrame } from '../rounds/LeadFrame.tsx'
import { useI18n } from '../i18n/context.tsx'
import { overviewApi } from './overview-client.ts'
import { OverviewLoader } from './RoundOverviewView.tsx'

/** `/omgang/:cohortId/oversikt`: the round lead's overview of every group of the round. */
export function RoundOverviewPage() {
  const params = useParams<{ cohortId: string }>()
  const { t } = useI18n()
  return (
    <LeadFrame>
      {() => (
        <>
          <p>
            <a href={`/omgang/${encodeURIComponent(params.cohortId)}`}>{t('overview.back')}</a>
          </p>
          <OverviewLoader load={() => overviewApi.ofRound(params.cohortId)} />
        </>
      )}
    </LeadFrame>
  )
}
