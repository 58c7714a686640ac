import { createSignal, Show } from 'solid-js'
import { useI18n } from '../i18n/context.tsx'
import { UNDO_OFFER_MS, type UndoOfferState } from './undo-offer.ts'

/**
 * What was just removed, with "Ångra" for a while: a polite live region, so a screen
 * reader hears the removal and the undo; the button is a normal one in the tab order
 * (focus moves to it after a confirmed removal, since the removed row's button is gone).
 * An undo that fails (the server did not answer) says `failedText` and stays offered.
 */
export function UndoOffer(props: {
  undo: UndoOfferState
  failedText?: string
  ref?: (button: HTMLButtonElement) => void
}) {
  const { t } = useI18n()
  const [said, setSaid] = createSignal('')
  return (
    <div data-unpainted class="undo-offer" role="status" aria-live="polite" ref={props.undo.region}>
      <Show when={props.undo.offer()} fallback={said()}>
        {(message) => (
          <>
            <span>{message()}</span>{' '}
            <Show when={props.undo.failed() && props.failedText}>
              {(failed) => <span>{failed()} </span>}
            </Show>
            <button
              type="button"
              class="button"
              ref={props.ref}
              // Not `disabled`: that would drop the focus while the undo is under way.
              aria-disabled={props.undo.pending()}
              onClick={async () => {
                if (!(await props.undo.undo())) return
                setSaid(t('undo.undone'))
                setTimeout(() => setSaid(''), UNDO_OFFER_MS)
              }}
            >
              {t('undo.undo')}
            </button>
          </>
        )}
      </Show>
    </div>
  )
}
