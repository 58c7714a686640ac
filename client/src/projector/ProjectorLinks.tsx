import { untrack } from 'solid-js'
import { createMeetingControl } from '../meeting/control-store.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { JoinLinkButton } from './JoinLinkButton.tsx'
import '../styles/meeting.css'

/**
 * On the board: the link to the meeting's projector view (a new tab, for the laptop on
 * the projector) and, for facilitators, the button that shows the join QR code there.
 */
export function ProjectorLinks(props: { meetingId: string }) {
  const group = useGroup()
  const { t } = useI18n()
  const control = createMeetingControl(
    group.doc,
    untrack(() => props.meetingId),
  )
  const href = () =>
    `/g/${encodeURIComponent(group.room)}/m/${encodeURIComponent(props.meetingId)}/visning`
  return (
    <div class="projector-links">
      <a class="button" href={href()} target="_blank" rel="noopener" data-testid="open-projector">
        {t('projector.open')}
        <span class="visually-hidden"> {t('projector.opensInNewTab')}</span>
      </a>
      <JoinLinkButton meetingId={props.meetingId} joinLink={control.value.joinLink} />
    </div>
  )
}
