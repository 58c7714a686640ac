import { createSignal, Show } from 'solid-js'
import { useI18n } from '../i18n/context.tsx'
import { refusalText, takeRefusal } from '../sync/refusal.ts'

/**
 * After a refused change was thrown away and the board reloaded: what happened, in words
 * ("Ändringen sparades inte: planen är låst av Anna. Tavlan visar nu det som gäller för
 * alla."), until the member closes it.
 */
export function RefusalNotice(props: { room: string }) {
  const { t } = useI18n()
  // Taken once, when the board (re)loads after the refusal: the notice is read only then.
  // eslint-disable-next-line solid/reactivity
  const [notice, setNotice] = createSignal(takeRefusal(sessionStorage, props.room))
  return (
    <Show when={notice()}>
      {(current) => (
        <div class="refusal-notice" role="alert" data-testid="refusal-notice">
          <p>{refusalText(current(), t)}</p>
          <button type="button" class="button subtle" onClick={() => setNotice(null)}>
            {t('refused.dismiss')}
          </button>
        </div>
      )}
    </Show>
  )
}
