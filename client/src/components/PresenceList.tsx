import { For, Show } from 'solid-js'
import { participantFunctionLabels } from '../../../shared/domain/labels.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { partLabel } from '../meeting/board-parts.ts'
import { createHandsOf } from '../meeting/control-store.ts'

/**
 * Who is here: name, organisation, function, colour; "du" for yourself; and, for those in
 * the meeting I have open, which part they are on, whether they follow the facilitator,
 * and their raised hand or "klar".
 */
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
  const myMeeting = () => group.peers().find((peer) => peer.self)?.presence.view?.meetingId ?? null
  const hands = createHandsOf(group.doc, myMeeting)
  // Facilitators lead; "följer" says who follows them.
  const where = (
    view: { meetingId: string; part: keyof typeof partLabel; following: boolean },
    role: string,
  ) =>
    view.meetingId === myMeeting()
      ? [
          t(partLabel[view.part]),
          view.following && role !== 'facilitator' ? t('presence.following') : null,
        ]
          .filter(Boolean)
          .join(' · ')
      : null
  return (
    <section data-unpainted class="presence" aria-label={t('presence.title')}>
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
              <Show when={peer.presence.view && where(peer.presence.view, peer.presence.user.role)}>
                {(text) => (
                  <span class="peer-where" data-testid="peer-where">
                    {text()}
                  </span>
                )}
              </Show>
              <Show when={hands()[peer.presence.user.participantId]}>
                {(hand) => (
                  <span class="peer-hand" data-testid="peer-hand">
                    <Show when={hand().raised}>
                      <span class="hand-tag raised">{t('presence.handRaised')}</span>
                    </Show>
                    <Show when={hand().ready}>
                      <span class="hand-tag ready">{t('presence.ready')}</span>
                    </Show>
                  </span>
                )}
              </Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  )
}
