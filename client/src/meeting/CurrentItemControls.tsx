import { Show } from 'solid-js'
import { setMeetingControl } from '../../../shared/workspace/control.ts'
import { readAgenda, type AgendaItem } from '../../../shared/workspace/index.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { nextAgendaItemId } from './current-item.ts'
import { useMeeting } from './meeting-context.tsx'

/**
 * The facilitator's "Nu" on an agenda item (the meeting's current item, while it is led),
 * and "Nästa punkt" once the current item is marked done.
 */
export function CurrentItemControls(props: { item: AgendaItem; current: boolean }) {
  const group = useGroup()
  const meeting = useMeeting()
  const { t } = useI18n()
  const setCurrent = (id: string | null) =>
    setMeetingControl(group.doc, meeting.meetingId, { agendaItem: id })
  const next = () => nextAgendaItemId(readAgenda(group.doc, meeting.meetingId), props.item.id)
  const title = () => props.item.title || t('agenda.untitled')
  return (
    <Show when={meeting.leads && meeting.led()}>
      <div class="button-row current-item-controls">
        <button
          type="button"
          class="button subtle"
          aria-pressed={props.current}
          aria-label={`${t('agenda.setNow')}: ${title()}`}
          onClick={() => setCurrent(props.current ? null : props.item.id)}
        >
          {t('agenda.setNow')}
        </button>
        <Show when={props.current && props.item.done && next()}>
          {(id) => (
            <button type="button" class="button primary" onClick={() => setCurrent(id())}>
              {t('agenda.next')}
            </button>
          )}
        </Show>
      </div>
    </Show>
  )
}
