import { createMemo, For, Show } from 'solid-js'
import type { Hand } from '../../../shared/workspace/hands.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { handsByName, peopleByOrganisation } from './room-people.ts'

/** Who is here (count and names by organisation), raised hands and who is "klar". */
export function RoomPanel(props: { meetingId: string; hands: Readonly<Record<string, Hand>> }) {
  const group = useGroup()
  const { t } = useI18n()
  const people = createMemo(() =>
    peopleByOrganisation(group.peers(), group.group()?.organisations ?? [], props.meetingId),
  )
  const count = () => people().reduce((sum, org) => sum + org.names.length, 0)
  const hands = createMemo(() =>
    handsByName(props.hands, group.peers(), group.group()?.participants ?? []),
  )
  return (
    <>
      <Show when={hands().raised.length > 0}>
        <section class="projector-hands" aria-labelledby="projector-hands-heading">
          <h2 id="projector-hands-heading">{t('projector.hands')}</h2>
          <ol data-testid="projector-hands">
            <For each={hands().raised}>{(name) => <li>{name}</li>}</For>
          </ol>
        </section>
      </Show>
      <Show when={hands().ready.length > 0}>
        <section class="projector-ready" aria-labelledby="projector-ready-heading">
          <h2 id="projector-ready-heading">
            <span aria-hidden="true">✓ </span>
            {t('projector.ready', { n: hands().ready.length, total: count() })}
          </h2>
          <p data-testid="projector-ready">{hands().ready.join(', ')}</p>
        </section>
      </Show>
      <section class="projector-here" aria-labelledby="projector-here-heading">
        <h2 id="projector-here-heading" data-testid="projector-here-count">
          {t('projector.here', { n: count() })}
        </h2>
        <dl>
          <For each={people()}>
            {(org) => (
              <>
                <dt>
                  {group.organisation(org.organisationId)?.name ?? t('projector.noOrganisation')}
                </dt>
                <dd>{org.names.join(', ')}</dd>
              </>
            )}
          </For>
        </dl>
      </section>
    </>
  )
}
