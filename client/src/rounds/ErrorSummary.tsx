import { For, Show } from 'solid-js'
import { useI18n } from '../i18n/context.tsx'
import { fieldId, type FieldErrors } from './field-errors.ts'

/**
 * The GOV.UK error summary: above the form after a failed send, focused, each problem a
 * link to its field (the same words stand next to the field). `general` is a problem of
 * the whole form (the server refused without naming a field).
 */
export function ErrorSummary(props: {
  form: string
  errors: FieldErrors
  general: string | null
  ref?: (element: HTMLDivElement) => void
}) {
  const { t } = useI18n()
  const entries = () => Object.entries(props.errors)
  const focusField = (event: MouseEvent, key: string) => {
    const field = document.getElementById(fieldId(props.form, key))
    if (!field) return
    event.preventDefault()
    field.focus()
  }
  return (
    <Show when={entries().length > 0 || props.general}>
      <div
        class="error-summary"
        role="alert"
        tabindex="-1"
        ref={props.ref}
        aria-labelledby={`${props.form}-summary-title`}
        data-testid="error-summary"
      >
        <h2 id={`${props.form}-summary-title`}>{t('rounds.errorSummary')}</h2>
        <ul>
          <Show when={props.general}>
            <li>{props.general}</li>
          </Show>
          <For each={entries()}>
            {([key, message]) => (
              <li>
                <a
                  href={`#${fieldId(props.form, key)}`}
                  onClick={(event) => focusField(event, key)}
                >
                  {message}
                </a>
              </li>
            )}
          </For>
        </ul>
      </div>
    </Show>
  )
}

/** The error shown under a field, referenced by its aria-describedby. */
export function FieldError(props: { form: string; field: string; errors: FieldErrors }) {
  return (
    <Show when={props.errors[props.field]}>
      <span id={`${fieldId(props.form, props.field)}-error`} class="error">
        {props.errors[props.field]}
      </span>
    </Show>
  )
}

/** aria-describedby (its hint, then its error) and aria-invalid for a field. */
export const errorAttributes = (
  form: string,
  field: string,
  errors: FieldErrors,
  hintId?: string,
) => {
  const described = [hintId, errors[field] ? `${fieldId(form, field)}-error` : undefined]
    .filter(Boolean)
    .join(' ')
  return {
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': described || undefined,
  }
}
