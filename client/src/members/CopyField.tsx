import { createSignal, createUniqueId, Show } from 'solid-js'
import { useI18n } from '../i18n/context.tsx'

/**
 * A text to hand on (a link, an e-mail), read-only, with a button that copies it. Whether
 * it worked is said in a polite live region; where the clipboard is refused (an http page,
 * a browser setting) the text is selected so the person can copy it themselves.
 */
export function CopyField(props: {
  label: string
  copyLabel: string
  value: string
  multiline?: boolean
  testId?: string
}) {
  const { t } = useI18n()
  const id = createUniqueId()
  const [said, setSaid] = createSignal('')
  let field: HTMLInputElement | HTMLTextAreaElement | undefined

  const copy = async () => {
    setSaid('')
    try {
      await navigator.clipboard.writeText(props.value)
      setSaid(t('invite.copied'))
    } catch {
      field?.focus()
      field?.select()
      setSaid(t('invite.copyFailed'))
    }
  }

  return (
    <div class="field copy-field">
      <label for={id}>{props.label}</label>
      <Show
        when={props.multiline}
        fallback={
          <input
            id={id}
            ref={(element) => (field = element)}
            readonly
            value={props.value}
            data-testid={props.testId}
            onFocus={(event) => event.currentTarget.select()}
          />
        }
      >
        <textarea
          id={id}
          ref={(element) => (field = element)}
          readonly
          rows={12}
          value={props.value}
          data-testid={props.testId}
        />
      </Show>
      <div class="copy-row">
        <button type="button" class="button" onClick={copy}>
          {props.copyLabel}
        </button>
        <span class="hint" role="status">
          {said()}
        </span>
      </div>
    </div>
  )
}
