import { createResource, createSignal, createUniqueId, Show } from 'solid-js'
import { ConfirmDialog } from '../components/ConfirmDialog.tsx'
import { useI18n } from '../i18n/context.tsx'
import { moment } from '../rounds/format.ts'
import { privacyApi } from './privacy-client.ts'

/**
 * How long the round's sign-ins and invitations last after it closes (90 days unless
 * set), and closing the round, which starts that time (asked first).
 */
export function RetentionSection(props: { cohortId: string }) {
  const { t, locale } = useI18n()
  const id = createUniqueId()
  const [retention, { mutate }] = createResource(() => props.cohortId, privacyApi.retention)
  const [days, setDays] = createSignal<string | null>(null)
  const [status, setStatus] = createSignal<'saved' | 'failed' | null>(null)
  const [asking, setAsking] = createSignal(false)
  let closeButton: HTMLButtonElement | undefined
  let statusLine: HTMLParagraphElement | undefined

  const save = async (event: SubmitEvent) => {
    event.preventDefault()
    setStatus(null)
    const value = Number(days() ?? retention()?.retentionDays)
    try {
      mutate(await privacyApi.setRetention(props.cohortId, { retentionDays: value }))
      setDays(null)
      setStatus('saved')
    } catch {
      setStatus('failed')
    }
  }

  const close = async () => {
    mutate(await privacyApi.close(props.cohortId))
  }

  return (
    <section aria-labelledby={`${id}-heading`} class="card retention">
      <h2 id={`${id}-heading`}>{t('privacy.retention.heading')}</h2>
      <Show when={retention()} fallback={<p aria-busy="true">{t('privacy.loading')}</p>}>
        {(current) => (
          <>
            <p ref={statusLine} tabindex="-1" data-testid="retention-state">
              <Show
                when={current().closedAt}
                fallback={t('privacy.retention.open', { n: current().retentionDays })}
              >
                {(closed) =>
                  t('privacy.retention.closed', {
                    closed: moment(closed(), locale()),
                    ends: moment(current().endsAt!, locale()),
                  })
                }
              </Show>
            </p>
            <form class="retention-form" onSubmit={(event) => void save(event)}>
              <div class="field">
                <label for={`${id}-days`}>{t('privacy.retention.days')}</label>
                <span class="hint" id={`${id}-hint`}>
                  {t('privacy.retention.daysHint')}
                </span>
                <input
                  id={`${id}-days`}
                  type="number"
                  inputmode="numeric"
                  min="1"
                  max="3650"
                  required
                  aria-describedby={`${id}-hint`}
                  aria-invalid={status() === 'failed'}
                  value={days() ?? String(current().retentionDays)}
                  onInput={(event) => setDays(event.currentTarget.value)}
                />
              </div>
              <button type="submit" class="button">
                {t('privacy.retention.save')}
              </button>
              <p role="status" class={status() === 'failed' ? 'error' : 'hint'}>
                {status() === 'saved'
                  ? t('privacy.retention.saved')
                  : status() === 'failed'
                    ? t('privacy.retention.failed')
                    : ''}
              </p>
            </form>
            <Show when={!current().closedAt}>
              <button
                ref={closeButton}
                type="button"
                class="button danger"
                onClick={() => setAsking(true)}
              >
                {t('privacy.retention.close')}
              </button>
            </Show>
          </>
        )}
      </Show>
      <Show when={asking()}>
        <ConfirmDialog
          title={t('privacy.retention.confirmTitle')}
          text={t('privacy.retention.confirmText')}
          confirmLabel={t('privacy.retention.confirmYes')}
          cancelLabel={t('privacy.person.cancel')}
          failedText={t('privacy.retention.closeFailed')}
          danger
          onConfirm={close}
          onClose={(confirmed) => {
            setAsking(false)
            // The button is gone once the round is closed: the new state says what happened.
            queueMicrotask(() => (confirmed ? statusLine : closeButton)?.focus())
          }}
        />
      </Show>
    </section>
  )
}
