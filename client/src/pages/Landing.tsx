import { createResource, Show } from 'solid-js'
import { api, ApiFailure } from '../api/client.ts'
import { useI18n } from '../i18n/context.tsx'
import { Page } from '../components/Page.tsx'
import { forgetGroup, lastGroup, takeLeftGroup } from './last-group.ts'

/**
 * The way in: what Modellrummet is, and the group this browser was last in, offered only
 * while its session still lets it in (not after leaving it, being removed, or expiry).
 * Offline, the group is offered all the same: its board works from this device's copy.
 */
export function Landing() {
  const { t } = useI18n()
  const left = takeLeftGroup()
  const last = lastGroup()
  const [stillIn] = createResource(
    () => last?.room,
    async (room) => {
      try {
        await api.session(room)
        return true
      } catch (error) {
        if (error instanceof ApiFailure && error.code === 'network') return true
        forgetGroup(room)
        return false
      }
    },
  )
  return (
    <Page>
      <h1>{t('landing.title')}</h1>
      <Show when={left}>
        {(name) => (
          <p class="read-only-banner" role="status" data-testid="left-group">
            {t('leave.done', { group: name() })}
          </p>
        )}
      </Show>
      <p class="lead">{t('landing.intro')}</p>
      <p>{t('landing.how')}</p>
      <Show when={last && stillIn() ? last : null}>
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
