import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'

/** Always visible: connected, reconnecting, offline (edits kept locally) or ended. */
export function ConnectionStatus() {
  const group = useGroup()
  const { t } = useI18n()
  const label = () => t(`conn.${group.status()}`)
  return (
    <p
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
