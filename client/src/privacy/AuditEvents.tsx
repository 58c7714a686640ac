import { createEffect, createSignal, For, on, Show } from 'solid-js'
import { catalogues, type MessageKey } from '../../../shared/i18n/index.ts'
import type { AuditEventView } from '../../../shared/privacy-api.ts'
import { useI18n } from '../i18n/context.tsx'
import { moment } from '../rounds/format.ts'
import { personName } from './person-name.ts'
import { personPath, privacyApi } from './privacy-client.ts'

/** The kind in words ('member.removed' → "Medlem borttagen"); an unknown kind as it is. */
const kindKey = (kind: string): MessageKey | null => {
  const key = `audit.kind.${kind}`
  return key in catalogues.sv ? (key as MessageKey) : null
}

/**
 * The round's audit log, newest first, 50 at a time with "Visa äldre händelser". A new
 * filter starts again from the newest.
 */
export function AuditEvents(props: { cohortId: string; groupId?: string; kind?: string }) {
  const { t, locale } = useI18n()
  const [events, setEvents] = createSignal<AuditEventView[]>([])
  const [nextBefore, setNextBefore] = createSignal<number | null>(null)
  const [loading, setLoading] = createSignal(true)
  const [failed, setFailed] = createSignal(false)

  const load = async (before?: number) => {
    setLoading(true)
    setFailed(false)
    try {
      const page = await privacyApi.audit(props.cohortId, {
        groupId: props.groupId,
        kind: props.kind,
        before,
      })
      setEvents((shown) => (before === undefined ? page.events : [...shown, ...page.events]))
      setNextBefore(page.nextBefore)
    } catch {
      setFailed(true)
    } finally {
      setLoading(false)
    }
  }
  createEffect(
    on(
      () => [props.cohortId, props.groupId, props.kind],
      () => void load(),
    ),
  )

  const who = (event: AuditEventView) => {
    const actor = event.actor
    if (!actor) return <span>{t('audit.byTool')}</span>
    if (actor.type === 'lead')
      return (
        <span>
          {t('audit.by')} {actor.displayName} ({t('lead.role')})
        </span>
      )
    return (
      <span>
        {t('audit.by')}{' '}
        <a href={personPath(props.cohortId, actor.id)}>{personName(actor.displayName, t)}</a>
      </span>
    )
  }

  return (
    <section aria-labelledby="audit-heading" class="audit">
      <h2 id="audit-heading">{t('audit.heading')}</h2>
      <Show when={failed()}>
        <p role="alert" class="error">
          {t('privacy.loadFailed')}{' '}
          <button type="button" class="button" onClick={() => void load()}>
            {t('privacy.retry')}
          </button>
        </p>
      </Show>
      <Show
        when={!loading() || events().length > 0}
        fallback={<p aria-busy="true">{t('privacy.loading')}</p>}
      >
        <Show
          when={events().length > 0}
          fallback={
            <Show when={!failed()}>
              <p>{t('audit.none')}</p>
            </Show>
          }
        >
          <ol class="audit-list" data-testid="audit-list">
            <For each={events()}>
              {(event) => {
                const key = kindKey(event.kind)
                return (
                  <li class="audit-event">
                    <p class="audit-what">
                      <strong>{key ? t(key) : event.kind}</strong>
                      <time class="hint" datetime={event.at}>
                        {moment(event.at, locale())}
                      </time>
                    </p>
                    <p class="audit-who">
                      {who(event)}
                      <Show when={event.subject}>
                        {(subject) => (
                          <>
                            {' · '}
                            {t('audit.about')}{' '}
                            <a href={personPath(props.cohortId, subject().id)}>
                              {personName(subject().displayName, t)}
                            </a>
                          </>
                        )}
                      </Show>
                      <Show when={event.groupName}>
                        {(name) => <> · {t('audit.inGroup', { group: name() })}</>}
                      </Show>
                    </p>
                  </li>
                )
              }}
            </For>
          </ol>
        </Show>
      </Show>
      <Show when={nextBefore()}>
        {(before) => (
          <button
            type="button"
            class="button"
            disabled={loading()}
            onClick={() => void load(before())}
          >
            {t('audit.more')}
          </button>
        )}
      </Show>
    </section>
  )
}
