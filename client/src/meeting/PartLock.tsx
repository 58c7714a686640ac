import { Show } from 'solid-js'
import type { MeetingSummary } from '../../../shared/api.ts'
import { checklistPhaseFor } from '../../../shared/domain/checklist.ts'
import { useI18n } from '../i18n/context.tsx'
import type { BoardTab } from './board-parts.ts'
import { LockControl } from './LockControl.tsx'
import { useMeeting } from './meeting-context.tsx'
import { writePath } from './write-access.ts'

/** The lock of the open part (PDSA plans are locked one by one, on each plan). */
export function PartLock(props: { tab: BoardTab; meeting: MeetingSummary }) {
  const meeting = useMeeting()
  const { t } = useI18n()
  const phase = () => checklistPhaseFor(props.meeting.kind)
  return (
    <>
      <Show when={props.tab === 'agenda'}>
        <LockControl
          scope="agenda"
          path={writePath.agenda(meeting.meetingId)}
          what={t('refused.part.agenda')}
        />
      </Show>
      <Show when={props.tab === 'matris'}>
        <LockControl
          scope="matrix"
          path={writePath.matrix(meeting.meetingId)}
          what={t('refused.part.matrix')}
        />
      </Show>
      <Show when={props.tab === 'checklista' && phase()}>
        {(current) => (
          <LockControl
            scope="checklist"
            path={writePath.checklist('-', current(), '-')}
            what={t('refused.part.checklist')}
          />
        )}
      </Show>
    </>
  )
}
