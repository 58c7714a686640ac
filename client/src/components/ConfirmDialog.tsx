import { createSignal, createUniqueId, Show, type JSX } from 'solid-js'
import '../styles/dialog.css'

export interface ConfirmDialogProps {
  title: string
  text: string
  confirmLabel: string
  cancelLabel: string
  /** What the dialog says when `onConfirm` rejects: one text, or one chosen by the error. */
  failedText: string | ((error: unknown) => string)
  /** Does what was asked; a rejection keeps the dialog open and says it failed. */
  onConfirm: () => Promise<void>
  /** Closed: `confirmed` when what was asked was done. */
  onClose: (confirmed: boolean) => void
  danger?: boolean
}

/**
 * A modal question before something that cannot be taken back (remove a member, withdraw a
 * link, leave the group). A native <dialog> keeps focus inside and closes with Escape;
 * focus starts on the cancel button, the choice that changes nothing. The caller puts
 * focus back where it was (the dialog is made when asked and gone when closed).
 */
export function ConfirmDialog(props: ConfirmDialogProps): JSX.Element {
  const id = createUniqueId()
  const [busy, setBusy] = createSignal(false)
  const [failed, setFailed] = createSignal<string | null>(null)
  let confirmed = false
  let dialog: HTMLDialogElement | undefined

  const confirm = async () => {
    setBusy(true)
    setFailed(null)
    try {
      await props.onConfirm()
      confirmed = true
      dialog?.close()
    } catch (error) {
      const text = props.failedText
      setFailed(typeof text === 'string' ? text : text(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <dialog
      ref={(element) => {
        dialog = element
        // Opened as soon as it is in the document (after this ref runs).
        queueMicrotask(() => element.isConnected && !element.open && element.showModal())
      }}
      class="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onClose={() => props.onClose(confirmed)}
    >
      <h2 id={`${id}-title`}>{props.title}</h2>
      <p id={`${id}-text`}>{props.text}</p>
      <Show when={failed()}>
        {(text) => (
          <p class="error" role="alert">
            {text()}
          </p>
        )}
      </Show>
      <div class="dialog-actions">
        <button
          type="button"
          class={props.danger ? 'button primary danger-fill' : 'button primary'}
          disabled={busy()}
          onClick={confirm}
        >
          {props.confirmLabel}
        </button>
        <button type="button" class="button" autofocus onClick={() => dialog?.close()}>
          {props.cancelLabel}
        </button>
      </div>
    </dialog>
  )
}
