import { createResource, For, Show } from 'solid-js'
import { useI18n } from '../i18n/context.tsx'
import { personName } from './person-name.ts'
import { groupExportUrl, personPath, privacyApi } from './privacy-client.ts'

/**
 * A group's people as the round lead sees them (everyone ever in it, removed and erased
 * people too), each a link to their person page, and the group's data as a download.
 */
export function GroupPeople(props: { cohortId: string; groupId: string }) {
  const { t } = useI18n()
  const [people] = createResource(
    () => [props.cohortId, props.groupId] as const,
    ([cohortId, groupId]) => privacyApi.people(cohortId, groupId),
  )
  return (
    <section aria-labelledby="people-heading" class="card group-people">
      <Show
        when={!people.error}
        fallback={
          <p role="alert" class="error">
            {t('privacy.loadFailed')}
          </p>
        }
      >
        <Show when={people()} fallback={<p aria-busy="true">{t('privacy.loading')}</p>}>
          {(loaded) => (
            <>
              <h2 id="people-heading">
                {t('privacy.people.heading', { group: loaded().group.name })}
              </h2>
              <p class="hint">{t('privacy.people.intro')}</p>
              <p>
                <a
                  class="button"
                  href={groupExportUrl(props.cohortId, props.groupId)}
                  download=""
                  data-testid="group-export"
                >
                  {t('privacy.groupExport')}
                </a>
              </p>
              <Show when={loaded().people.length > 0} fallback={<p>{t('privacy.people.none')}</p>}>
                <ul class="people-list" data-testid="people-list">
                  <For each={loaded().people}>
                    {(person) => (
                      <li>
                        <a href={personPath(props.cohortId, person.id)}>
                          {personName(person.displayName, t)}
                        </a>
                        <span class="hint">
                          {' · '}
                          {t(`role.${person.role}`)}
                          <Show when={person.organisationName}>{(name) => <> · {name()}</>}</Show>
                          <Show when={person.erasedAt}>
                            {' · '}
                            {t('privacy.people.erased')}
                          </Show>
                          <Show when={person.removedAt && !person.erasedAt}>
                            {' · '}
                            {t('privacy.people.removed')}
                          </Show>
                        </span>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </>
          )}
        </Show>
      </Show>
    </section>
  )
}
