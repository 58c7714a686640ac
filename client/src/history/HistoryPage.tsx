import { createResource, createSignal, For, Show } from 'solid-js'
import type { HistoryAuthor, HistoryVersion } from '../../../shared/history-api.ts'
import { ApiFailure } from '../api/client.ts'
import { useGroup } from '../app/group-context.tsx'
import { ConfirmDialog } from '../components/ConfirmDialog.tsx'
import { useI18n } from '../i18n/context.tsx'
import { historyApi } from './history-client.ts'
import { VersionView, type RestoreRequestView } from './VersionView.tsx'
import '../styles/history.css'

/**
 * `/g/:room/historik`: the versions the server keeps of the group's workspace, newest
 * first, with who was active; one opened for reading; facilitators restore the whole
 * workspace, a meeting or one part of it as a new change (confirmed first). Viewers are
 * not offered the page (the server answers them 403).
 */
export function HistoryPage() {
  const group = useGroup()
  const { t, locale } = useI18n()
  const [list, { refetch }] = createResource(() => historyApi.list(group.room))
  const [selected, setSelected] = createSignal<HistoryVersion | null>(null)
  const [shown] = createResource(selected, (version) => historyApi.read(group.room, version.id))
  const [asking, setAsking] = createSignal<RestoreRequestView | null>(null)
  const [notice, setNotice] = createSignal('')
  let returnFocus: HTMLElement | undefined

  const formatTime = (iso: string) =>
    new Date(iso).toLocaleString(locale() === 'sv' ? 'sv-SE' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    })
  const nameOf = (author: HistoryAuthor) => author.displayName || t('history.erasedPerson')
  const open = (version: HistoryVersion) => {
    setNotice('')
    setSelected(version)
    queueMicrotask(() => document.getElementById('version-heading')?.focus())
  }

  const restore = async () => {
    const version = selected()
    const request = asking()
    if (!version || !request) return
    const result = await historyApi.restore(group.room, version.id, request.scope)
    const at = formatTime(version.at)
    setNotice(t(result.changes > 0 ? 'history.restored' : 'history.restoredNothing', { at }))
    // The state before the restore is a version of its own now.
    void refetch()
  }

  const [keeping, setKeeping] = createSignal(false)
  const keepNow = async () => {
    setKeeping(true)
    try {
      const { version } = await historyApi.keep(group.room)
      await refetch()
      setNotice(t('history.kept', { at: formatTime(version.at) }))
    } catch {
      setNotice(t('history.keepFailed'))
    } finally {
      setKeeping(false)
    }
  }

  return (
    <div class="history-page">
      <p>
        <a href={`/g/${encodeURIComponent(group.room)}`}>{t('history.back')}</a>
      </p>
      <h1>{t('history.title')}</h1>
      <p class="lead">{t('history.lead')}</p>
      <Show when={group.facilitator}>
        <p class="hint">{t('history.restoreLead')}</p>
        <p>
          <button type="button" class="button" disabled={keeping()} onClick={keepNow}>
            {t('history.keep')}
          </button>
        </p>
      </Show>
      <p role="status" aria-live="polite" data-testid="history-notice">
        {notice()}
      </p>
      <Show when={!list.error} fallback={<p role="alert">{t('history.failed')}</p>}>
        <Show when={list()} fallback={<p aria-busy="true">{t('history.loading')}</p>}>
          {(loaded) => (
            <Show when={loaded().versions.length > 0} fallback={<p>{t('history.none')}</p>}>
              <div class="history-layout">
                <nav aria-labelledby="versions-heading">
                  <h2 id="versions-heading">{t('history.versions')}</h2>
                  <ol class="version-list">
                    <For each={loaded().versions}>
                      {(version) => (
                        <li>
                          <button
                            type="button"
                            class="button subtle"
                            aria-current={selected()?.id === version.id ? 'true' : undefined}
                            onClick={() => open(version)}
                          >
                            <span class="visually-hidden">
                              {t('history.open', { at: formatTime(version.at) })}
                            </span>
                            <span aria-hidden="true">{formatTime(version.at)}</span>
                          </button>
                          <span class="version-authors hint">
                            {version.authors.length > 0
                              ? t('history.active', {
                                  names: version.authors.map(nameOf).join(', '),
                                })
                              : t('history.nobodyActive')}
                          </span>
                        </li>
                      )}
                    </For>
                  </ol>
                </nav>
                <div>
                  <Show when={shown.error}>
                    <p role="alert">{t('history.failed')}</p>
                  </Show>
                  <Show when={shown.loading}>
                    <p aria-busy="true">{t('history.loading')}</p>
                  </Show>
                  <Show when={!shown.loading && shown()}>
                    {(data) => (
                      <VersionView
                        data={data()}
                        at={formatTime(data().version.at)}
                        onRestore={
                          group.facilitator
                            ? (request, button) => {
                                returnFocus = button
                                setAsking(request)
                              }
                            : undefined
                        }
                      />
                    )}
                  </Show>
                </div>
              </div>
            </Show>
          )}
        </Show>
      </Show>
      <Show when={asking()}>
        {(request) => (
          <ConfirmDialog
            title={t('history.confirmTitle', { at: formatTime(selected()?.at ?? '') })}
            text={request().what}
            confirmLabel={t('history.confirm')}
            cancelLabel={t('history.cancel')}
            failedText={(error) =>
              // 409: a sealed scoring round is open where the restore would write scores.
              t(
                error instanceof ApiFailure && error.status === 409
                  ? 'history.restoreSealed'
                  : 'history.restoreFailed',
              )
            }
            onConfirm={restore}
            onClose={() => {
              setAsking(null)
              returnFocus?.focus()
            }}
          />
        )}
      </Show>
    </div>
  )
}
