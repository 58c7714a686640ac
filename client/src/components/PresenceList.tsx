import { For } from 'solid-js'
import { participantFunctionLabels } from '../../../shared/domain/labels.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'

/** Who is here: name, organisation, function, colour; "du" for yourself. */
export function PresenceList() {
  const group = useGroup()
  const { t, l } = useI18n()
  const describe = (
    organisationId: string | null,
    fn: keyof typeof participantFunctionLabels | null,
  ) =>
    [group.organisation(organisationId)?.name, fn ? l(participantFunctionLabels[fn]) : null]
      .filter(Boolean)
      .join(', ')
  return (
    <section class="presence" aria-label={t('presence.title')}>
      <h2 class="visually-hidden">{t('presence.title')}</h2>
      <ul class="presence-list" data-testid="presence-list">
        <For each={group.peers()}>
          {(peer) => (
            <li
              class="peer"
              title={describe(peer.presence.user.organisationId, peer.presence.user.function)}
            >
              <span
                class="avatar"
                style={{ background: peer.presence.user.colour }}
                aria-hidden="true"
              >
                {peer.presence.user.name.slice(0, 1).toUpperCase()}
              </span>
              <span class="peer-name">
                {peer.presence.user.name}
                {peer.self ? ` (${t('presence.you')})` : ''}
              </span>
              <span class="visually-hidden">
                {describe(peer.presence.user.organisationId, peer.presence.user.function)}
              </span>
            </li>
          )}
        </For>
      </ul>
    </section>
  )
}
