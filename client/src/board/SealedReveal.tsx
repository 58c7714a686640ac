import { createSignal, Show } from 'solid-js'
import { useI18n } from '../i18n/context.tsx'

/**
 * "Visa alla bedömningar" with a confirmation: the reveal cannot be taken back. A modal
 * <dialog> keeps focus inside and closes with Escape; focus starts on "Avbryt", the
 * choice that changes nothing, and returns to the button when the dialog closes.
 */
export function SealedReveal(props: { notDone: number; reveal: () => Promise<void> }) {
  const { t } = useI18n()
  const [busy, setBusy] = createSignal(false)
  const [failed, setFailed] = createSignal(false)
  let dialog: HTMLDialogElement | undefined
  let opener: HTMLButtonElement | undefined

  const close = () => {
    dialog?.close()
    opener?.focus()
  }
  const confirm = async () => {
    setBusy(true)
    setFailed(false)
    try {
      await props.reveal()
      dialog?.close()
    } catch {
      setFailed(true)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <button
        ref={opener}
        type="button"
        class="button primary"
        onClick={() => {
          setFailed(false)
          dialog?.showModal()
        }}
      >
        {t('sealed.reveal')}
      </button>
      <dialog
        ref={dialog}
        class="sealed-dialog"
        aria-labelledby="sealed-reveal-title"
        aria-describedby="sealed-reveal-text"
        onClose={() => opener?.focus()}
      >
        <h4 id="sealed-reveal-title">{t('sealed.confirmTitle')}</h4>
        <div id="sealed-reveal-text">
          <p>{t('sealed.confirmText')}</p>
          <Show when={props.notDone > 0}>
            <p>{t('sealed.confirmNotDone', { n: props.notDone })}</p>
          </Show>
        </div>
        <Show when={failed()}>
          <p class="error" role="alert">
            {t('sealed.revealFailed')}
          </p>
        </Show>
        <div class="dialog-actions">
          <button type="button" class="button primary" disabled={busy()} onClick={confirm}>
            {t('sealed.confirmYes')}
          </button>
          <button type="button" class="button" autofocus onClick={close}>
            {t('sealed.cancel')}
          </button>
        </div>
      </dialog>
    </>
  )
}
