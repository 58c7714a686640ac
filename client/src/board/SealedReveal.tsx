import { createSignal, Show } from 'solid-js'
import { ConfirmDialog } from '../components/ConfirmDialog.tsx'
import { useI18n } from '../i18n/context.tsx'

/**
 * "Visa alla bedömningar" with a confirmation (ConfirmDialog: focus starts on "Avbryt"),
 * since the reveal cannot be taken back. Cancelled, focus returns to the button; revealed,
 * the sealed view goes and SealedScoring moves focus to its note.
 */
export function SealedReveal(props: { notDone: number; reveal: () => Promise<void> }) {
  const { t } = useI18n()
  const [asking, setAsking] = createSignal(false)
  let opener: HTMLButtonElement | undefined
  const text = () =>
    props.notDone > 0
      ? `${t('sealed.confirmText')} ${t('sealed.confirmNotDone', { n: props.notDone })}`
      : t('sealed.confirmText')

  return (
    <>
      <button ref={opener} type="button" class="button primary" onClick={() => setAsking(true)}>
        {t('sealed.reveal')}
      </button>
      <Show when={asking()}>
        <ConfirmDialog
          title={t('sealed.confirmTitle')}
          text={text()}
          confirmLabel={t('sealed.confirmYes')}
          cancelLabel={t('sealed.cancel')}
          failedText={t('sealed.revealFailed')}
          onConfirm={props.reveal}
          onClose={(confirmed) => {
            setAsking(false)
            if (!confirmed) opener?.focus()
          }}
        />
      </Show>
    </>
  )
}
