import { Show } from 'solid-js'
import { useI18n } from '../i18n/context.tsx'
import { Page } from '../components/Page.tsx'
import { lastGroup } from './last-group.ts'

export function Landing() {
  const { t } = useI18n()
  const last = lastGroup()
  return (
    <Page>
      <h1>{t('landing.title')}</h1>
      <p class="lead">{t('landing.intro')}</p>
      <p>{t('landing.how')}</p>
      <Show when={last}>
        {(group) => (
          <p>
            <a class="button primary" href={`/g/${encodeURIComponent(group().room)}`}>
              {t('landing.continue', { group: group().name })}
            </a>
          </p>
        )}
      </Show>
    </Page>
  )
}
