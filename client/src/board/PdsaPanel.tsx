import { For, Show } from 'solid-js'
import { addPdsaPlan, plansForMeeting } from '../../../shared/workspace/index.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { useMeeting } from '../meeting/meeting-context.tsx'
import { writePath } from '../meeting/write-access.ts'
import { createYSnapshot } from '../sync/snapshot.ts'
import { PdsaPlanCard } from './PdsaPlanCard.tsx'

/** PDSA plans per organisation, and the previous meeting's plans up for follow-up. */
export function PdsaPanel(props: { meetingId: string; previousMeetingId: string | null }) {
  const group = useGroup()
  const meeting = useMeeting()
  const { t } = useI18n()
  // A new plan is planned at this meeting, so the meeting's lock keeps it out as well.
  const mayAdd = () =>
    meeting.access.may(writePath.plan('(new)')) &&
    meeting.access.may(writePath.notes(props.meetingId))
  const plans = createYSnapshot(group.doc, () =>
    plansForMeeting(group.doc, props.meetingId, props.previousMeetingId),
  )
  const organisations = () =>
    (group.group()?.organisations ?? []).filter((org) => org.memberRole === 'benchmarking')

  const add = (organisationId: string) => {
    const id = addPdsaPlan(group.doc, { organisationId, plannedAtMeetingId: props.meetingId })
    queueMicrotask(() => document.getElementById(`pdsa-${id}-aim`)?.focus())
  }

  return (
    <div class="pdsa">
      <Show when={plans.value.followUp.length > 0}>
        <section aria-labelledby="pdsa-follow-up">
          <h3 id="pdsa-follow-up">{t('pdsa.followUp')}</h3>
          <For each={plans.value.followUp}>
            {(plan) => <PdsaPlanCard plan={plan} meetingId={props.meetingId} />}
          </For>
        </section>
      </Show>
      <h3>{t('pdsa.plannedHere')}</h3>
      <For each={organisations()}>
        {(org) => {
          const own = () => plans.value.planned.filter((plan) => plan.organisationId === org.id)
          return (
            <section class="pdsa-org" aria-labelledby={`pdsa-org-${org.id}`}>
              <div class="section-head">
                <h4 id={`pdsa-org-${org.id}`}>{org.name}</h4>
                <Show when={mayAdd()}>
                  <button type="button" class="button" onClick={() => add(org.id)}>
                    {t('pdsa.add')}
                    <span class="visually-hidden"> {t('pdsa.for', { org: org.name })}</span>
                  </button>
                </Show>
              </div>
              <Show when={own().length > 0} fallback={<p class="hint">{t('pdsa.none')}</p>}>
                <For each={own()}>
                  {(plan) => <PdsaPlanCard plan={plan} meetingId={props.meetingId} />}
                </For>
              </Show>
            </section>
          )
        }}
      </For>
    </div>
  )
}
