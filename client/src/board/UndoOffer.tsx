import { createSignal, Show } from 'solid-js'
import { useI18n } from '../i18n/context.tsx'
import { UNDO_OFFER_MS, type RemovalUndo } from './removal-undo.ts'

/**
 * What was just removed, with "Ångra" for a while: a polite live region, so a screen
 * reader hears the removal and the undo; the button is a normal one in the tab order
 * (focus moves to it after a confirmed removal, since the removed row's button is gone).
 */
export function UndoOffer(props: { undo: RemovalUndo; ref?: (button: HTMLButtonElement) => void }) {
  const { t } = useI18n()
  const [said, setSaid] = createSignal('')
  return (
    <div class="undo-offer" role="status" aria-live="polite" ref={props.undo.region}>
      <Show when={props.undo.offer()} fallback={said()}>
        {(message) => (
          <>
            <span>{message()}</span>{' '}
            <button
              type="button"
              class="button"
              ref={props.ref}
              onClick={() => {
                if (!props.undo.undo()) return
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
