import { createEffect, createMemo, createSignal, onCleanup } from 'solid-js'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { connectionNotice } from '../sync/connection-notice.ts'

/**
 * Always visible: connected, connecting, disconnected (for how long, and that edits are
 * kept on this device) or ended.
 */
export function ConnectionStatus() {
  const group = useGroup()
  const { t } = useI18n()
  // The clock ticks only while disconnected: the label counts minutes and turns from
  // "connecting" to "disconnected" a few seconds in.
  const [now, setNow] = createSignal(Date.now())
  createEffect(() => {
    if (group.disconnectedSince() === null) return
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), 1_000)
    onCleanup(() => clearInterval(timer))
  })
  // A memo, so the live region changes (and is read out) only when the words do.
  const label = createMemo(() => {
    const notice = connectionNotice(group.status(), group.disconnectedSince(), now())
    return t(notice.key, notice.values)
  })
  return (
    <p
      data-unpainted
      class={`connection ${group.status()}`}
      data-testid="connection-status"
      data-status={group.status()}
      role="status"
      aria-live="polite"
    >
      <span class="dot" aria-hidden="true" />
      <span class="connection-label">{label()}</span>
    </p>
  )
}
