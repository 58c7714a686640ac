import { createEffect, onCleanup, Show, type JSX } from 'solid-js'
import type * as Y from 'yjs'
import { applyLocalEdit, mapPosition } from '../sync/text-binding.ts'
import { FieldPresence } from './FieldPresence.tsx'
import { useGroup } from '../app/group-context.tsx'

export interface YTextFieldProps {
  text: Y.Text | undefined
  label: string
  /** Visually hidden label (the layout already says what the field is). */
  hideLabel?: boolean
  multiline?: boolean
  meetingId: string
  field: string
  id?: string
  class?: string
  testId?: string
  placeholder?: string
  rows?: number
  /** Not writable here (a locked part): the member's role alone is checked by the group. */
  readOnly?: boolean
  onKeyDown?: JSX.EventHandler<HTMLInputElement | HTMLTextAreaElement, KeyboardEvent>
}

/** Browsers without `field-sizing: content` (base.css) get the height set here. */
function fitToContent(input: HTMLInputElement | HTMLTextAreaElement): void {
  if (!(input instanceof HTMLTextAreaElement) || CSS.supports('field-sizing', 'content')) return
  input.style.height = 'auto'
  input.style.height = `${input.scrollHeight + input.offsetHeight - input.clientHeight}px`
}

/**
 * An input bound to a Y.Text: local typing becomes minimal Yjs edits; remote edits update
 * the field while the caret and selection stay where the user had them.
 */
export function YTextField(props: YTextFieldProps) {
  const group = useGroup()
  let element: HTMLInputElement | HTMLTextAreaElement | undefined
  const origin = Symbol('local-typing')
  const id = () => props.id ?? `f-${props.field.replace(/[^A-Za-z0-9_-]/g, '-')}`

  createEffect(() => {
    const text = props.text
    const input = element
    if (!text || !input) return
    input.value = text.toString()
    fitToContent(input)
    const observer = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.origin === origin) return
      const focused = document.activeElement === input
      const start = input.selectionStart ?? 0
      const end = input.selectionEnd ?? 0
      const delta = event.delta as Parameters<typeof mapPosition>[0]
      input.value = text.toString()
      fitToContent(input)
      if (focused) input.setSelectionRange(mapPosition(delta, start), mapPosition(delta, end))
    }
    text.observe(observer)
    onCleanup(() => text.unobserve(observer))
  })

  const readOnly = () => group.readOnly || !!props.readOnly
  const onInput = () => {
    if (!element) return
    fitToContent(element)
    if (props.text && !readOnly()) applyLocalEdit(props.text, element.value, origin)
  }
  const common = () => ({
    id: id(),
    class: `ytext ${props.class ?? ''}`,
    'data-testid': props.testId,
    'data-field': props.field,
    readOnly: readOnly() || !props.text,
    'aria-readonly': readOnly() || undefined,
    placeholder: props.placeholder,
    onInput,
    onFocus: () => group.setFocus({ meetingId: props.meetingId, field: props.field }),
    onBlur: () => group.setFocus(null),
    onKeyDown: props.onKeyDown,
  })

  return (
    <div class="field">
      <label for={id()} classList={{ 'visually-hidden': !!props.hideLabel }}>
        {props.label}
      </label>
      <Show
        when={props.multiline}
        fallback={<input type="text" {...common()} ref={(el) => (element = el)} />}
      >
        <textarea rows={props.rows ?? 3} {...common()} ref={(el) => (element = el)} />
      </Show>
      <FieldPresence field={props.field} />
    </div>
  )
}
