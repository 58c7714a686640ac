import { Show } from 'solid-js'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'

/**
 * One-click downloads (issue 13): plain links to the export URLs, so the browser sends the
 * group's session cookie and saves the file itself. The minutes with a meeting; the backup
 * for facilitators only, as the server allows. Documents come in the page's language.
 */
export function ExportLinks(props: { meetingId?: string; print?: boolean }) {
  const group = useGroup()
  const { t, locale } = useI18n()
  const base = () => `/api/rooms/${encodeURIComponent(group.room)}/export`
  return (
    <section class="export-links no-print" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('export.heading')}</h2>
      <ul>
        <Show when={props.meetingId}>
          {(meetingId) => (
            <li>
              <a
                class="button subtle"
                href={`${base()}/minutes/${encodeURIComponent(meetingId())}.docx?lang=${locale()}`}
                download=""
              >
                {t('export.minutes')}
              </a>
            </li>
          )}
        </Show>
        <li>
          <a class="button subtle" href={`${base()}/checklist.xlsx?lang=${locale()}`} download="">
            {t('export.checklist')}
          </a>
        </li>
        <Show when={group.facilitator}>
          <li>
            <a class="button subtle" href={`${base()}/backup.json`} download="">
              {t('export.backup')}
            </a>
            <p class="hint">{t('export.backupHint')}</p>
          </li>
        </Show>
        <Show when={props.print}>
          <li>
            <button type="button" class="button subtle" onClick={() => window.print()}>
              {t('export.print')}
            </button>
          </li>
        </Show>
      </ul>
    </section>
  )
}
