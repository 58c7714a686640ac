import { For } from 'solid-js'
import { setMeetingControl } from '../../../shared/workspace/control.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { boardTabs, type BoardTab } from '../meeting/board-parts.ts'
import { useMeeting } from '../meeting/meeting-context.tsx'

/**
 * The board's parts as tabs (links: deep-linkable, the browser's back works). While the
 * meeting is led a facilitator's tab moves everyone who follows; anyone else's tab to
 * another part stops their following.
 */
export function BoardTabs(props: { current: BoardTab; href: (tab: BoardTab) => string }) {
  const group = useGroup()
  const meeting = useMeeting()
  const { t } = useI18n()
  const chose = (tab: (typeof boardTabs)[number]) => {
    if (meeting.leads && meeting.led())
      setMeetingControl(group.doc, meeting.meetingId, { part: tab.part })
    else meeting.navigated(tab.part)
  }
  return (
    <nav class="tabs" aria-label={t('board.parts')}>
      <ul>
        <For each={boardTabs}>
          {(tab) => (
            <li>
              <a
                href={props.href(tab.id)}
                aria-current={props.current === tab.id ? 'page' : undefined}
                onClick={() => chose(tab)}
              >
                {t(tab.label)}
              </a>
            </li>
          )}
        </For>
      </ul>
    </nav>
  )
}
