import { useI18n } from '../i18n/context.tsx'
import '../styles/meetings.css'

/**
 * A meeting the group does not have (any more: a facilitator deleted it, live, while this
 * board was open): said plainly, with the way back to the group's home.
 */
export function MeetingGone(props: { room: string }) {
  const { t } = useI18n()
  return (
    <div class="meeting-gone" role="alert">
      <h1>{t('board.notFound')}</h1>
      <p>{t('meetings.gone')}</p>
      <p>
        <a class="button primary" href={`/g/${encodeURIComponent(props.room)}`}>
          {t('meetings.backHome')}
        </a>
      </p>
    </div>
  )
}
