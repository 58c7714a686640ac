import { For } from 'solid-js'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'

/** Small coloured name badges on a field that someone else is editing right now. */
export function FieldPresence(props: { field: string }) {
  const group = useGroup()
  const { t } = useI18n()
  const editors = () =>
    group.peers().filter((peer) => !peer.self && peer.presence.focus?.field === props.field)
  return (
    <span data-unpainted class="field-presence" aria-live="off">
      <For each={editors()}>
        {(peer) => (
          <span
            class="badge"
            style={{ background: peer.presence.user.colour }}
            title={t('presence.editing', { name: peer.presence.user.name })}
          >
            {peer.presence.user.name}
          </span>
        )}
      </For>
    </span>
  )
}
